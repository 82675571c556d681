using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Liveness.Host.Front;

/// <summary>
/// A step of YARP's proxy pipeline, placed before load balancing: when a pipeline node could not be reached
/// and the upload was not yet sent, the request goes to another node instead of failing. Passive and active
/// health checks then take the dead node out of rotation; this covers the requests in between.
/// </summary>
internal sealed partial class RetryOnUnreachableDestination(RequestDelegate next, ILogger<RetryOnUnreachableDestination> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var body = new ReadTrackingStream(context.Request.Body);
        context.Request.Body = body;
        var proxy = context.GetReverseProxyFeature();
        var failed = new List<DestinationState>();
        while (true)
        {
            // Load balancing narrows the list to the one destination it picks: keep the candidates from before.
            var candidates = proxy.AvailableDestinations;
            await next(context);
            var error = context.GetForwarderErrorFeature();
            if (error?.Error != ForwarderError.Request || body.WasRead || context.Response.HasStarted
                || proxy.ProxiedDestination is not { } destination)
            {
                return;
            }

            failed.Add(destination);
            var remaining = candidates.Where(candidate => !failed.Contains(candidate)).ToList();
            if (remaining.Count == 0)
            {
                return;
            }

            LogRetry(logger, destination.DestinationId, remaining.Count);
            proxy.AvailableDestinations = remaining;
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
        }
    }
}
