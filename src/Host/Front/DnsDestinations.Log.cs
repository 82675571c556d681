namespace Liveness.Host.Front;

internal sealed partial class DnsDestinations
{
    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Looking up the pipeline nodes of {Address} failed; keeping the {Count} found before ({Reason})")]
    private static partial void LogLookupFailed(ILogger logger, string address, int count, string reason);
}
