using Liveness.Host.Audit;
using Liveness.Host.Contract;
using Liveness.Host.Metrics;
using Liveness.Host.Pipeline;
using Liveness.Host.Pipeline.Cues;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Api;

/// <summary><c>POST /liveness/silent_detection/stateless</c>: binds the request, runs the pipeline and shapes the answer as the contract says.</summary>
internal static partial class LivenessEndpoint
{
    public const string Route = LivenessRoute.Path;

    public static void MapLivenessEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, HandleAsync).DescribeContract();

    // [FromServices]: the admin listener maps this endpoint's description without the pipeline's services (AdminOpenApi).
    private static async Task HandleAsync(
        HttpContext context, [FromServices] LivenessPipeline pipeline, [FromServices] RequestDeadline deadline,
        [FromServices] DecisionExplainer explainer, [FromServices] EvidenceStore evidence, [FromServices] IOptions<FusionOptions> fusion,
        ILogger<LivenessPipeline> logger)
    {
        var cancellationToken = context.RequestAborted;
        var request = await LivenessRequestReader.ReadAsync(context.Request, cancellationToken);
        var audit = RequestAudit.Of(context);
        if (audit is not null)
        {
            // From here on an error answer can explain itself (ContractErrors) and the audit knows the video.
            audit.Request = request;
            request.Trace.KeepsEvidence = evidence.Keeps;
        }

        var decision = await deadline.RunAsync(checkToken => pipeline.RunAsync(request, checkToken), cancellationToken);
        var reasons = explainer.Explain(decision, request.Trace);
        audit?.Decided(decision, reasons);
        var elapsed = RequestId.Elapsed(context);
        var response = Shape(decision, request, RequestId.Of(context)) with
        {
            Details = request.ReturnDetails ? ResponseDetails.Of(decision, request.Trace, explainer, reasons, fusion.Value.ClassifierQuantile, elapsed) : null,
        };
        LivenessMetrics.Answered(1000, LivenessStatusName.Of(decision.Status), elapsed);
        if (decision.Status != LivenessStatus.ShortTime)
        {
            // Only classified answers: short_time has no score of its own, and would blur drift watching.
            LivenessMetrics.Score.Observe(decision.Score);
        }

        if (!decision.Passed)
        {
            LivenessMetrics.Rejected(reasons.Select(reason => reason.Label));
        }

        LogAnswered(logger, LivenessStatusName.Of(decision.Status), decision.Score, decision.Backends, elapsed.TotalMilliseconds);
        await context.Response.WriteAsJsonAsync(response, ApiJsonContext.Default.LivenessResponse, cancellationToken: cancellationToken);
    }

    internal static LivenessResponse Shape(LivenessDecision decision, LivenessRequest request, string requestId)
    {
        var showImage = decision.Passed && request.ReturnImage;
        return new LivenessResponse(
            Code: 1000,
            Passed: decision.Passed,
            LivenessScore: Math.Round(decision.Score, 6),
            LivenessStatus: request.ReturnStatus ? LivenessStatusName.Of(decision.Status) : null,
            ImageTimestamp: showImage ? Math.Round(decision.FrameSeconds!.Value, 3) : null,
            Base64Image: showImage ? Convert.ToBase64String(decision.FrameJpeg!) : null,
            Base64FaceImage: decision.Passed && request.ReturnFaceImage ? Convert.ToBase64String(decision.FaceJpeg!) : null,
            RequestId: requestId);
    }

    /// <summary>Every (code, status) pair <c>liveness_requests_total</c> can count: the three statuses of 1000 and each error code.</summary>
    public static IEnumerable<(int Code, string Status)> AllAnswers() =>
        Enum.GetValues<LivenessStatus>().Select(status => (1000, LivenessStatusName.Of(status)))
            .Concat(Enum.GetValues<ErrorKind>().Select(kind => ErrorTable.For(kind).Code).Distinct().Select(code => (code, ContractErrors.Outcome)));
}
