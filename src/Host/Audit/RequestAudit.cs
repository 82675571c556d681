using System.Text.Json;
using System.Text.Json.Nodes;
using Liveness.Host.Contract;
using Liveness.Host.Pipeline;

namespace Liveness.Host.Audit;

/// <summary>
/// One liveness request as the audit sees it while it is served: the request once read, then its answer. Kept in the
/// request's features by <see cref="AuditTrail"/>; the endpoint and <see cref="ContractErrors"/> fill it.
/// </summary>
internal sealed class RequestAudit : IErrorAnswerFeature
{
    public DateTimeOffset Time { get; } = DateTimeOffset.UtcNow;

    /// <summary>The request, once it was read; its trace holds what the check went through.</summary>
    public LivenessRequest? Request { get; set; }

    private (int Code, string Status, double? Score, IReadOnlyList<string> Reasons, string? Limit)? answer;

    public static RequestAudit? Of(HttpContext context) => context.Features.Get<RequestAudit>();

    public void Decided(LivenessDecision decision, IEnumerable<DecisionReason> reasons) =>
        answer = (1000, LivenessStatusName.Of(decision.Status), Math.Round(decision.Score, 6), [.. reasons.Select(reason => reason.Text)], null);

    public JsonNode? Answered(int code, string message, string? limit, TimeSpan elapsed)
    {
        answer = (code, ContractErrors.Outcome, null, [message], limit);
        // Only a request that was read can have asked for details (the extension return_details).
        return Request is { ReturnDetails: true } request
            ? JsonSerializer.SerializeToNode(ResponseDetails.OfError(request.Trace, message, limit, elapsed), AuditJsonContext.Default.ResponseDetails)
            : null;
    }

    /// <summary>The event, once this request was answered here; null for one answered elsewhere (the front forwarded it) or not at all.</summary>
    public AuditEvent? Event(string requestId, string answeredBy, string? client, int httpStatus, TimeSpan elapsed, bool evidenceKept)
    {
        if (answer is not { } given)
        {
            return null;
        }

        var trace = Request?.Trace;
        var video = trace?.Video is { } fingerprint
            ? new AuditEvent.UploadedVideo(fingerprint.Sha256, fingerprint.Bytes, fingerprint.Container,
                trace.VideoSeconds is { } seconds ? Math.Round(seconds, 3) : null, trace.FrameSize?.Width, trace.FrameSize?.Height)
            : null;
        return new AuditEvent(requestId, Time, answeredBy, client, video, httpStatus, given.Code, given.Status, given.Score, given.Reasons,
            given.Limit, BackendsOf(trace?.Serving), Math.Round(elapsed.TotalMilliseconds, 1), evidenceKept);
    }

    /// <summary>Each role's backend as <c>role=name@version</c>.</summary>
    private static string[]? BackendsOf(Plugins.ServingBackends? serving) =>
        serving?.ByRole.Select(served => $"{Plugins.RoleNames.Of(served.Role)}={served.Backend.Label}").ToArray();
}
