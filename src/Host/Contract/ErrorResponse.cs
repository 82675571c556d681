using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Liveness.Host.Contract;

/// <summary>The abnormal response body, the same from every listener.</summary>
internal sealed record ErrorResponse(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("request_id")] string RequestId,
    [property: JsonPropertyName("details")] JsonNode? Details = null);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class ErrorJsonContext : JsonSerializerContext;
