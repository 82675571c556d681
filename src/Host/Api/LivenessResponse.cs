using System.Text.Json.Serialization;
using Liveness.Host.Audit;
using Liveness.Host.Contract;

namespace Liveness.Host.Api;

/// <summary>The normal response body (code 1000); absent fields are omitted, never null. <c>details</c> is our extension, last.</summary>
internal sealed record LivenessResponse(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("liveness_score")] double LivenessScore,
    [property: JsonPropertyName("liveness_status")] string? LivenessStatus,
    [property: JsonPropertyName("image_timestamp")] double? ImageTimestamp,
    [property: JsonPropertyName("base64_image")] string? Base64Image,
    [property: JsonPropertyName("base64_face_image")] string? Base64FaceImage,
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("details")] ResponseDetails? Details = null);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LivenessResponse))]
// The error body too, for readers of both (tools/Eval); the host writes it with ErrorJsonContext.
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
