namespace Liveness.Host.Plugins;

internal sealed partial class BackendRegistry
{
    [LoggerMessage(EventId = 1411, Level = LogLevel.Error, Message = "Backend plugin in {Folder} was rejected and is not served; what served before goes on serving: {Reason}")]
    private static partial void LogRejected(ILogger logger, string folder, string reason);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Information, Message = "Serving detector {Detector}, classifier {Classifier} and scene detector {SceneDetector}")]
    private static partial void LogServing(ILogger logger, string detector, string classifier, string sceneDetector);

    [LoggerMessage(EventId = 1413, Level = LogLevel.Warning, Message = "The folder of backend {Backend} was removed while it serves; it goes on serving until another is activated")]
    private static partial void LogRemovedWhileServing(ILogger logger, string backend);

    [LoggerMessage(EventId = 1414, Level = LogLevel.Critical, Message = "No backend is ready ({Reason}); requests get 4007 until one is")]
    private static partial void LogNotReady(ILogger logger, string reason);
}
