using Liveness.Host.Contract;

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

    /// <summary>The trail of a front: what it answered itself, before or instead of forwarding.</summary>
    public static void OfFront(IApplicationBuilder app) => app.UseMiddleware<AuditTrail>(Front);

    /// <summary>The trail of a pipeline node: every check it answered.</summary>
    public static void OfNode(IApplicationBuilder app) => app.UseMiddleware<AuditTrail>(Node);

    public async Task InvokeAsync(HttpContext context)
    {
        // The admin listener has no audit: it describes the liveness route but never serves it.
        if (context.RequestServices.GetService<AuditLog>() is not { } log || context.Request.Path != LivenessRoute.Path)
        {
            await next(context);
            return;
        }

        var audit = new RequestAudit();
        context.Features.Set(audit);
        context.Features.Set<IErrorAnswerFeature>(audit);
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
