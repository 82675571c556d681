using Yarp.ReverseProxy.Forwarder;

namespace Liveness.Host.Front;

internal sealed partial class ForwardingFailures
{
    [LoggerMessage(EventId = 1021, Level = LogLevel.Information, Message = "Request {RequestId}: the client went away before the forward finished ({Error})")]
    private static partial void LogClientGone(ILogger logger, string requestId, ForwarderError error);

    [LoggerMessage(EventId = 1022, Level = LogLevel.Warning, Message = "Request {RequestId}: forwarding to a pipeline node failed ({Error}, {Exception}: {Detail})")]
    private static partial void LogNodeFailed(ILogger logger, string requestId, ForwarderError error, string exception, string detail);
}
