namespace Liveness.Host.Contract;

internal sealed partial class ContractErrors
{
    [LoggerMessage(EventId = 1111, Level = LogLevel.Information, Message = "Answered error {Code} (HTTP {HttpStatus}, {Kind})")]
    private static partial void LogAnswered(ILogger logger, int code, int httpStatus, ErrorKind kind);

    [LoggerMessage(EventId = 1112, Level = LogLevel.Error, Message = "A model backend failed")]
    private static partial void LogBackendFailure(ILogger logger, Exception error);

    [LoggerMessage(EventId = 1113, Level = LogLevel.Information, Message = "The client went away before the answer")]
    private static partial void LogAborted(ILogger logger);

    [LoggerMessage(EventId = 1114, Level = LogLevel.Error, Message = "Unexpected failure")]
    private static partial void LogUnexpected(ILogger logger, Exception error);
}
