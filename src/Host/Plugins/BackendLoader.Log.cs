namespace Liveness.Host.Plugins;

internal sealed partial class BackendLoader
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Backend {Name} {Version} loaded, warmed up and self-tested: {SelfTest}")]
    private static partial void LogLoaded(ILogger logger, string name, string version, string selfTest);
}
