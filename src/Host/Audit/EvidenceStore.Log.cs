namespace Liveness.Host.Audit;

internal sealed partial class EvidenceStore
{
    [LoggerMessage(EventId = 1821, Level = LogLevel.Error, Message = "Evidence could not be written to {Folder}")]
    private static partial void LogSaveFailed(ILogger logger, string folder, Exception error);

    [LoggerMessage(EventId = 1822, Level = LogLevel.Warning, Message = "The evidence of request {RequestId} does not open with the audit key")]
    private static partial void LogUnreadable(ILogger logger, string requestId);
}
