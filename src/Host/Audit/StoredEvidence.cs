using System.Text.Json.Serialization;

namespace Liveness.Host.Audit;

/// <summary>One request's evidence as kept (encrypted) and as the admin API returns it: the selected frame and the face crop, JPEG.</summary>
internal sealed record StoredEvidence(
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("image_timestamp")] double ImageTimestamp,
    [property: JsonPropertyName("base64_image")] byte[] Image,
    [property: JsonPropertyName("base64_face_image")] byte[] FaceImage);
