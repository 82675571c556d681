namespace Liveness.Host.Plugins;

internal sealed partial class PluginWatcher
{
    [LoggerMessage(EventId = 1421, Level = LogLevel.Error, Message = "Rescanning the plugin directory failed")]
    private static partial void LogScanFailed(ILogger logger, Exception error);
}
