namespace Liveness.Host.Models;

internal sealed partial class ModelStore
{
    [LoggerMessage(EventId = 1301, Level = LogLevel.Error, Message = "Model {Model} at {Source} does not match its pinned sha256; it will not be served")]
    private static partial void LogMismatch(ILogger logger, string model, string source);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Error, Message = "Model {Model} names a path outside {Folder}; it is refused")]
    private static partial void LogOutside(ILogger logger, string model, string folder);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information, Message = "Model {Model} fetched from {Source} and verified")]
    private static partial void LogFetched(ILogger logger, string model, string source);
}
