using Liveness.Host.Api;

namespace Liveness.Host.Audit;

/// <summary>
/// Writes one audit event for every liveness request this listener answered itself: the pipeline node for what it
/// checked or refused, the front for what it refused before forwarding (rate, size, no node). Requests the front
/// forwarded are written by the node that answered them. Keeps the request's evidence too, when that is on.
/// </summary>
internal sealed class AuditTrail(RequestDelegate next, string answeredBy)
{
    public const string Front = "front";
    public const string Node = "node";

    public async Task InvokeAsync(HttpContext context)
    {
        // The admin listener has no audit: it describes the liveness route but never serves it.
        if (context.RequestServices.GetService<AuditLog>() is not { } log || context.Request.Path != LivenessEndpoint.Route)
        {
            await next(context);
            return;
        }

        var audit = new RequestAudit();
        context.Features.Set(audit);
        // Read before anything else: on a node it is already the address the (authenticated) front saw.
        var client = context.Connection.RemoteIpAddress?.ToString();
        await next(context);

        var requestId = RequestId.Of(context);
        var kept = audit.Request?.Trace.Evidence is { } images
            && context.RequestServices.GetRequiredService<EvidenceStore>().Save(requestId, images, audit.Time);
        if (audit.Event(requestId, answeredBy, client, context.Response.StatusCode, RequestId.Elapsed(context), kept) is { } written)
        {
            log.Write(written);
        }
    }
}
