using System.Text.Json.Serialization;

namespace Liveness.Host.Audit;

/// <summary>
/// The audit record of one liveness request, written as one JSON object: who asked (the client as the front saw it),
/// what was uploaded (its SHA-256, never its bytes), what was answered and why, and by which backends. Never the
/// key, the video or an image.
/// </summary>
internal sealed record AuditEvent(
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("answered_by")] string AnsweredBy,
    [property: JsonPropertyName("client")] string? Client,
    [property: JsonPropertyName("video")] AuditEvent.UploadedVideo? Video,
    [property: JsonPropertyName("http_status")] int HttpStatus,
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("score")] double? Score,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
    [property: JsonPropertyName("limit")] string? Limit,
    [property: JsonPropertyName("backends")] IReadOnlyList<string>? Backends,
    [property: JsonPropertyName("total_ms")] double TotalMs,
    [property: JsonPropertyName("evidence_kept")] bool EvidenceKept)
{
    /// <summary>The decrypted upload: its fingerprint, and its length and frame size as far as it was decoded.</summary>
    internal sealed record UploadedVideo(
        [property: JsonPropertyName("sha256")] string Sha256,
        [property: JsonPropertyName("bytes")] long Bytes,
        [property: JsonPropertyName("container")] string Container,
        [property: JsonPropertyName("duration_seconds")] double? DurationSeconds,
        [property: JsonPropertyName("width")] int? Width,
        [property: JsonPropertyName("height")] int? Height);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditEvent))]
[JsonSerializable(typeof(StoredEvidence))]
[JsonSerializable(typeof(ResponseDetails))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
