using Yarp.ReverseProxy.Forwarder;

namespace Liveness.Host.Front;

/// <summary>
/// Logs each failed forward as one line with its request id, in place of YARP's own stack traces: at Information
/// when the client went away (an aborted upload is routine), at Warning when a pipeline node failed.
/// </summary>
internal sealed partial class ForwardingFailures(RequestDelegate next, ILogger<ForwardingFailures> logger)
{
    /// <summary>YARP's category that logs every failed forward with its exception; this step says it in one line instead.</summary>
    public const string YarpForwarderCategory = "Yarp.ReverseProxy.Forwarder.HttpForwarder";

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.GetForwarderErrorFeature() is not { } failure)
        {
            return;
        }

        if (failure.Error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient
            or ForwarderError.ResponseBodyCanceled or ForwarderError.ResponseBodyClient)
        {
            LogClientGone(logger, context.TraceIdentifier, failure.Error);
            // Nobody is left to answer; closing the connection also keeps Kestrel from draining a body YARP still reads.
            context.Abort();
        }
        else
        {
            LogNodeFailed(logger, context.TraceIdentifier, failure.Error, failure.Exception?.GetType().Name ?? "none", failure.Exception?.Message ?? "");
        }
    }
}
