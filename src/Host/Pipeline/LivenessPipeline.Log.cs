namespace Liveness.Host.Pipeline;

internal sealed partial class LivenessPipeline
{
    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "{Details}")]
    private static partial void LogDecided(ILogger logger, string details);
}
