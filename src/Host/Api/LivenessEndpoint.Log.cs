namespace Liveness.Host.Api;

internal static partial class LivenessEndpoint
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Answered {Status} with score {Score:0.0000} by {Backends} in {ElapsedMs:0.0} ms")]
    private static partial void LogAnswered(ILogger logger, string status, double score, string backends, double elapsedMs);
}
