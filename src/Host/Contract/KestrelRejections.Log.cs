namespace Liveness.Host.Contract;

internal sealed partial class KestrelRejections
{
    [LoggerMessage(EventId = 1131, Level = LogLevel.Information, Message = "Kestrel refused a malformed request (HTTP {HttpStatus}); answered 1200 as request {RequestId}")]
    private static partial void LogRefused(ILogger logger, int httpStatus, string requestId);
}
