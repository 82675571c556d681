namespace Liveness.Host.Video;

internal sealed partial class SpareDecoders
{
    [LoggerMessage(EventId = 1703, Level = LogLevel.Warning, Message = "No spare decoder could be started: {Reason}")]
    private static partial void LogNoSpare(ILogger logger, string reason);
}
