using System.Text;
using System.Text.Json;
using Liveness.Host.Contract;
using Liveness.Host.Pipeline;
using Microsoft.Extensions.Primitives;

namespace Liveness.Host.Api;

/// <summary>Binds a liveness request from a form-urlencoded, multipart or JSON body, with the same field names.</summary>
internal static class LivenessRequestReader
{
    public const string EncryptedVideo = "encrypted_video";
    public const string ReturnImage = "return_image";
    public const string ReturnFaceImage = "return_face_image";
    public const string ReturnStatus = "return_status";

    /// <summary>Our extension: the answer gains a <c>details</c> object explaining the decision.</summary>
    public const string ReturnDetails = "return_details";

    private static readonly JsonDocumentOptions JsonOptions = new() { AllowDuplicateProperties = false };

    public static async Task<LivenessRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var json = request.HasJsonContentType();
        try
        {
            if (request.HasFormContentType)
            {
                return await ReadFormAsync(request, cancellationToken);
            }

            if (json)
            {
                return await ReadJsonAsync(request, cancellationToken);
            }
        }
        catch (Exception e) when (IsMalformedBody(e, json) && !cancellationToken.IsCancellationRequested)
        {
            // The parsers' messages may quote the client's bytes: neither they nor the exception are logged or answered.
            throw LivenessError.InvalidArgument(json
                ? "the JSON body is malformed (invalid JSON or UTF-8, nested too deep, or a field given twice)"
                : "the form body is malformed (truncated, badly encoded, or over the form limits)");
        }

        throw LivenessError.InvalidArgument(
            "the body must be application/x-www-form-urlencoded, multipart/form-data or application/json");
    }

    /// <summary>
    /// What the form, multipart and JSON parsers raise on bytes the client chose. Kestrel's own
    /// <see cref="BadHttpRequestException"/> (over the size limit, too slow) is not one: it keeps its status.
    /// </summary>
    private static bool IsMalformedBody(Exception e, bool json) => e switch
    {
        BadHttpRequestException => false,
        // The client (or the front forwarding it) went away mid-body: nobody to answer, not a malformed body.
        Microsoft.AspNetCore.Connections.ConnectionResetException => false,
        // IOException: the multipart reader when the body ends before its closing boundary.
        JsonException or InvalidDataException or DecoderFallbackException or IOException => true,
        // JsonElement.GetString on a string that is not valid UTF-8 or holds a lone surrogate escape; nothing
        // else that reads a JSON body throws it.
        InvalidOperationException => json,
        _ => false,
    };

    private static async Task<LivenessRequest> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var video = Single(form, EncryptedVideo);
        if (video is null && form.Files.GetFile(EncryptedVideo) is { } file)
        {
            // curl -F encrypted_video=@video.b64 sends the Base64 text as a file part.
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.ASCII);
            video = await reader.ReadToEndAsync(cancellationToken);
        }

        return new LivenessRequest(
            Required(video),
            ContractBoolean.Parse(ReturnImage, Single(form, ReturnImage)),
            ContractBoolean.Parse(ReturnFaceImage, Single(form, ReturnFaceImage)),
            ContractBoolean.Parse(ReturnStatus, Single(form, ReturnStatus)),
            ContractBoolean.Parse(ReturnDetails, Single(form, ReturnDetails)));
    }

    private static string? Single(IFormCollection form, string field)
    {
        var count = (form.TryGetValue(field, out StringValues values) ? values.Count : 0) + form.Files.GetFiles(field).Count;
        return count switch
        {
            0 => null,
            1 => values.Count == 1 ? values[0] : null,
            _ => throw LivenessError.InvalidArgument($"{field} is given more than once"),
        };
    }

    private static async Task<LivenessRequest> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(request.Body, JsonOptions, cancellationToken);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw LivenessError.InvalidArgument("the JSON body must be an object");
        }

        var video = root.TryGetProperty(EncryptedVideo, out var element)
            ? element.ValueKind == JsonValueKind.String
                ? element.GetString()
                : throw LivenessError.InvalidArgument($"{EncryptedVideo} must be a string")
            : null;

        return new LivenessRequest(
            Required(video),
            JsonBoolean(root, ReturnImage),
            JsonBoolean(root, ReturnFaceImage),
            JsonBoolean(root, ReturnStatus),
            JsonBoolean(root, ReturnDetails));
    }

    private static bool JsonBoolean(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
            && ContractBoolean.Parse(field, value);

    private static string Required(string? video) =>
        string.IsNullOrWhiteSpace(video) ? throw LivenessError.InvalidArgument($"{EncryptedVideo} is required") : video;
}
