using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Liveness.Host.Contract;
using Microsoft.AspNetCore.OpenApi;
using Liveness.Host.Video;
using Microsoft.OpenApi;

namespace Liveness.Host.Api;

/// <summary>The contract endpoint's OpenAPI description: its bodies, answers and examples, carried as the endpoint's own metadata.</summary>
internal static partial class LivenessEndpoint
{
    public const string OperationId = "checkLiveness";

    private static readonly string[] BodyTypes = ["application/x-www-form-urlencoded", "multipart/form-data", "application/json"];

    /// <summary>The request's fields as the document shows them; <see cref="LivenessRequestReader"/> binds the same names from all three bodies.</summary>
    internal sealed record RequestFields(
        [property: JsonPropertyName(LivenessRequestReader.EncryptedVideo)]
        [property: Description("The video file, encrypted with AES-256-GCM (key and IV as UTF-8, 128-bit tag appended, no AAD), then Base64 "
            + "(standard alphabet; spaces are read as '+', the URL-safe alphabet and missing padding are accepted).")]
        string EncryptedVideo,
        [property: JsonPropertyName(LivenessRequestReader.ReturnImage)]
        [property: Description("Return image_timestamp and base64_image of the selected frame, only when the check passed. "
            + "true/false in any case, or 1/0; default false.")]
        bool ReturnImage = false,
        [property: JsonPropertyName(LivenessRequestReader.ReturnFaceImage)]
        [property: Description("Return base64_face_image, the face clipped from the selected frame, only when the check passed. "
            + "true/false in any case, or 1/0; default false.")]
        bool ReturnFaceImage = false,
        [property: JsonPropertyName(LivenessRequestReader.ReturnStatus)]
        [property: Description("Return liveness_status. true/false in any case, or 1/0; default false.")]
        bool ReturnStatus = false,
        [property: JsonPropertyName(LivenessRequestReader.ReturnDetails)]
        [property: Description("Extension (not SenseID's): return details, why the check decided as it did (every status, and error answers "
            + "of the pipeline such as 2008, naming the limit broken). true/false in any case, or 1/0; default false: the answer is the contract's, byte for byte.")]
        bool ReturnDetails = false);

    /// <summary>The failures a client of this endpoint can meet, each with a message it could really get.</summary>
    private static readonly (ErrorKind Kind, string Name, string Detail)[] ContractFailures =
    [
        (ErrorKind.InvalidArgument, "missing_video", $"{LivenessRequestReader.EncryptedVideo} is required"),
        (ErrorKind.InvalidArgument, "wrong_key", "encrypted_video could not be decrypted: wrong key or IV, or modified ciphertext"),
        (ErrorKind.InvalidArgument, "bad_boolean", $"{LivenessRequestReader.ReturnImage} must be true or false"),
        (ErrorKind.InvalidVideo, "not_a_video", "the video could not be decoded (unknown container or codec)"),
        (ErrorKind.InvalidVideo, "too_short", $"the video is 1.2 s long, shorter than {VideoOptions.MinSeconds} s"),
        (ErrorKind.LengthRequired, "length_required", "the request must carry a Content-Length"),
        (ErrorKind.PayloadTooLarge, "too_large", $"the body is over the limit of {new RequestBodyOptions().MaxBytes} bytes"),
        (ErrorKind.RateLimited, "rate_limited", "retry after 1 s"),
        (ErrorKind.CheckFailed, "backend_failed", "the model backend failed on this video"),
        (ErrorKind.NoBackendReady, "no_backend", "no model backend is ready"),
    ];

    /// <summary>The answer's fields as the contract describes them, for the document's schemas.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldDescriptions = new Dictionary<string, string>
    {
        ["code"] = "1000 for a check that ran; 1200, 2008 or 4007 for an error answer.",
        ["passed"] = "The decision: true for a live person. Clients are told to trust this field.",
        ["liveness_score"] = "A float in [0,1], higher is more live; for reference only.",
        ["liveness_status"] = "Only when return_status=true: ok (passed), hack (a presentation attack), short_time (a face visible for under 2 s).",
        ["image_timestamp"] = "Only when passed and return_image=true: seconds from the start of the video to the selected frame (container time).",
        ["base64_image"] = "Only when passed and return_image=true: the selected frame, JPEG, Base64.",
        ["base64_face_image"] = "Only when passed and return_face_image=true: the face clipped from the selected frame, JPEG, Base64.",
        ["message"] = "What was wrong, in words a client developer can act on; never key material or video bytes.",
        ["request_id"] = "Unique per request; also in the X-Request-Id header and the server's logs.",
        ["details"] = "Extension, only when return_details=true: the backends, faces, classifier scores over time, cues, scores, threshold, "
            + "stage timings and reasons behind the answer; on a 2008 the limit the video broke. Never sent otherwise.",
    };

    private const string Description = """
        The SenseID Private Cloud silent liveness check. The client uploads a short selfie video, encrypted; the answer says
        whether the person in it is a live human (`passed`, the field to trust) with a score for reference.

        The same fields are accepted as `application/x-www-form-urlencoded` (the manual's samples, `curl -d`),
        `multipart/form-data` and `application/json`.

        | code | message | HTTP | meaning |
        |---|---|---|---|
        | 1000 | | 200 | the check ran: `passed`, `liveness_score`, and `liveness_status` `ok`, `hack` (presentation attack) or `short_time` (a face visible for under 2 s) |
        | 1200 | invalid argument | 400, 404, 405, 411, 413 | a missing or malformed parameter, bad Base64, failed decryption; an unknown path or method, no Content-Length, a body over the size limit |
        | 1200 | too many requests | 429 | the front's rate limit; `Retry-After` says when to come back |
        | 2008 | invalid video error | 400 | not a decodable video, or a video shorter than 2 s |
        | 4007 | liveness silent check failed | 500, 503 | the check could not be carried out (503 while no model backend is loaded) |
        """;

    private static RouteHandlerBuilder DescribeContract(this RouteHandlerBuilder endpoint)
    {
        endpoint
            .WithName(OperationId)
            .WithTags("liveness")
            .WithSummary("Check that the face in a video is a live person")
            .WithDescription(Description)
            .Produces<LivenessResponse>(StatusCodes.Status200OK);
        foreach (var status in ContractFailures.Select(failure => ErrorTable.For(failure.Kind).HttpStatus).Distinct())
        {
            endpoint.Produces<ErrorResponse>(status);
        }

        return endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            await DescribeBodyAsync(operation, context, cancellationToken);
            AddExamples(operation);
        });
    }

    /// <summary>
    /// The request body, described by the transformer rather than by <c>Accepts</c> metadata: routing reads that metadata too,
    /// and would answer any other content type with its own 415 instead of the contract's error naming the accepted ones.
    /// </summary>
    private static async Task DescribeBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        context.Document!.AddComponent(nameof(RequestFields), await context.GetOrCreateSchemaAsync(typeof(RequestFields), cancellationToken: cancellationToken));
        var fields = new OpenApiSchemaReference(nameof(RequestFields), context.Document);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = BodyTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = fields }),
        };
    }

    private static void AddExamples(OpenApiOperation operation)
    {
        foreach (var (type, body) in operation.RequestBody!.Content!)
        {
            body.Examples = new Dictionary<string, IOpenApiExample>
            {
                ["test_vector"] = Example(
                    "The manual's test vector: 'hello' with the default key and IV (decrypts, but is no video: 2008)",
                    new JsonObject
                    {
                        [LivenessRequestReader.EncryptedVideo] = "7EWZ/NONkYfOjH/m+K3KKsDO4CZ/",
                        [LivenessRequestReader.ReturnImage] = type == "application/json" ? true : "true",
                        [LivenessRequestReader.ReturnFaceImage] = type == "application/json" ? true : "true",
                        [LivenessRequestReader.ReturnStatus] = type == "application/json" ? true : "true",
                    }),
            };
        }

        const string ExampleRequestId = "2c11e5c27cae4c1d93fc11126e58c5be";
        var requestIdHeader = new OpenApiHeader
        {
            Description = "The answer's request_id, also in every log line of the request.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };
        foreach (var response in operation.Responses!.Values.OfType<OpenApiResponse>())
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[RequestId.Header] = requestIdHeader;
        }

        operation.Responses!["200"].Content!["application/json"].Examples = new Dictionary<string, IOpenApiExample>
        {
            ["ok"] = Example("A live person, with the frame and face asked for (Base64 shortened)", new JsonObject
            {
                ["code"] = 1000, ["passed"] = true, ["liveness_score"] = 0.996683, ["liveness_status"] = "ok",
                ["image_timestamp"] = 1.533, ["base64_image"] = "/9j/4AAQSkZJRg...", ["base64_face_image"] = "/9j/4AAQSkZJRg...",
                ["request_id"] = ExampleRequestId,
            }),
            ["hack"] = Example("A presentation attack (a screen replay)", new JsonObject
            {
                ["code"] = 1000, ["passed"] = false, ["liveness_score"] = 0.012043, ["liveness_status"] = "hack", ["request_id"] = ExampleRequestId,
            }),
            ["short_time"] = Example("A face visible for under 2 s", new JsonObject
            {
                ["code"] = 1000, ["passed"] = false, ["liveness_score"] = 0, ["liveness_status"] = "short_time", ["request_id"] = ExampleRequestId,
            }),
        };

        foreach (var failures in ContractFailures.GroupBy(failure => ErrorTable.For(failure.Kind).HttpStatus))
        {
            var response = (OpenApiResponse)operation.Responses[failures.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            response.Content!["application/json"].Examples = failures.ToDictionary(
                failure => failure.Name,
                IOpenApiExample (failure) =>
                {
                    var entry = ErrorTable.For(failure.Kind);
                    return Example($"{entry.Code}: {failure.Detail}", new JsonObject
                    {
                        ["code"] = entry.Code, ["message"] = $"{entry.Message}: {failure.Detail}", ["request_id"] = ExampleRequestId,
                    });
                });
            if (failures.Key == StatusCodes.Status429TooManyRequests)
            {
                response.Headers!["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds until the rate limit lets the next request in.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                };
            }
        }
    }

    private static OpenApiExample Example(string summary, JsonNode value) => new() { Summary = summary, Value = value };
}
