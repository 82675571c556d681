namespace Liveness.Host.Audit;

internal sealed partial class EvidenceRetention
{
    [LoggerMessage(EventId = 1811, Level = LogLevel.Information, Message = "Deleted {Count} evidence files past their retention")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(EventId = 1812, Level = LogLevel.Error, Message = "Evidence past its retention could not be deleted; retrying in an hour")]
    private static partial void LogPurgeFailed(ILogger logger, Exception error);
}
