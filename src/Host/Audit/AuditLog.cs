using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Audit;

/// <summary>
/// Writes each audit event as one JSON object through the host's logging (category <see cref="Category"/>, event
/// <see cref="EventId"/>, Information) and, when <c>Audit:File</c> is set, as one line of that file.
/// </summary>
internal sealed partial class AuditLog
{
    public const string Category = "Liveness.Audit";
    public const int EventId = 1800;

    private readonly ILogger logger;
    private readonly AuditFile? file;

    public AuditLog(ILoggerFactory loggers, IOptions<AuditOptions> options)
    {
        logger = loggers.CreateLogger(Category);
        var audit = options.Value;
        file = audit.File.Length > 0 ? AuditFile.For(audit.File, audit.FileMaxBytes, audit.FilesKept) : null;
    }

    public void Write(AuditEvent audit)
    {
        var json = JsonSerializer.Serialize(audit, AuditJsonContext.Default.AuditEvent);
        LogAudit(logger, json);
        try
        {
            file?.Append(json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The client has its answer; a full disk must not turn it into an error. The log above still has the event.
            LogFileFailed(logger, file!.Path, e);
        }
    }
}
