namespace Liveness.Host.Audit;

internal sealed partial class AuditLog
{
    [LoggerMessage(EventId = EventId, EventName = "LivenessAudit", Level = LogLevel.Information, Message = "{Audit}")]
    private static partial void LogAudit(ILogger logger, string audit);

    [LoggerMessage(EventId = EventId + 1, Level = LogLevel.Error, Message = "The audit event could not be written to {Path}")]
    private static partial void LogFileFailed(ILogger logger, string path, Exception error);
}
