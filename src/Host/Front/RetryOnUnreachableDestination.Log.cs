namespace Liveness.Host.Front;

internal sealed partial class RetryOnUnreachableDestination
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Pipeline node {Destination} is unreachable; retrying on one of {Remaining} others")]
    private static partial void LogRetry(ILogger logger, string destination, int remaining);
}
