using Liveness.Host.Contract;
using Liveness.Host.Metrics;
using Liveness.Host.Pipeline;
using Microsoft.AspNetCore.Mvc;

namespace Liveness.Host.Api;

/// <summary><c>POST /liveness/silent_detection/stateless</c>: binds the request, runs the pipeline and shapes the answer as the contract says.</summary>
internal static partial class LivenessEndpoint
{
    public const string Route = LivenessRoute.Path;

    public static void MapLivenessEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, HandleAsync).DescribeContract();

    // [FromServices]: the admin listener maps this endpoint's description without the pipeline's services (AdminOpenApi).
    private static async Task HandleAsync(
        HttpContext context, [FromServices] LivenessPipeline pipeline, [FromServices] RequestDeadline deadline, ILogger<LivenessPipeline> logger)
    {
        var cancellationToken = context.RequestAborted;
        var request = await LivenessRequestReader.ReadAsync(context.Request, cancellationToken);
        var decision = await deadline.RunAsync(checkToken => pipeline.RunAsync(request, checkToken), cancellationToken);
        var response = Shape(decision, request, RequestId.Of(context));
        var elapsed = RequestId.Elapsed(context);
        LivenessMetrics.Answered(1000, StatusName(decision.Status), elapsed);
        if (decision.Status != LivenessStatus.ShortTime)
        {
            // Only classified answers: short_time has no score of its own, and would blur drift watching.
            LivenessMetrics.Score.Observe(decision.Score);
        }

        LogAnswered(logger, StatusName(decision.Status), decision.Score, decision.Backends, elapsed.TotalMilliseconds);
        await context.Response.WriteAsJsonAsync(response, ApiJsonContext.Default.LivenessResponse, cancellationToken: cancellationToken);
    }

    internal static LivenessResponse Shape(LivenessDecision decision, LivenessRequest request, string requestId)
    {
        var showImage = decision.Passed && request.ReturnImage;
        return new LivenessResponse(
            Code: 1000,
            Passed: decision.Passed,
            LivenessScore: Math.Round(decision.Score, 6),
            LivenessStatus: request.ReturnStatus ? StatusName(decision.Status) : null,
            ImageTimestamp: showImage ? Math.Round(decision.FrameSeconds!.Value, 3) : null,
            Base64Image: showImage ? Convert.ToBase64String(decision.FrameJpeg!) : null,
            Base64FaceImage: decision.Passed && request.ReturnFaceImage ? Convert.ToBase64String(decision.FaceJpeg!) : null,
            RequestId: requestId);
    }

    /// <summary>Every (code, status) pair <c>liveness_requests_total</c> can count: the three statuses of 1000 and each error code.</summary>
    public static IEnumerable<(int Code, string Status)> AllAnswers() =>
        Enum.GetValues<LivenessStatus>().Select(status => (1000, StatusName(status)))
            .Concat(Enum.GetValues<ErrorKind>().Select(kind => ErrorTable.For(kind).Code).Distinct().Select(code => (code, ContractErrors.Outcome)));

    public static string StatusName(LivenessStatus status) => status switch
    {
        LivenessStatus.Ok => "ok",
        LivenessStatus.Hack => "hack",
        LivenessStatus.ShortTime => "short_time",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
