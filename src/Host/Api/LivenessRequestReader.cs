using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace Liveness.Host.Api;

/// <summary>Binds a liveness request from a form-urlencoded, multipart or JSON body, with the same field names.</summary>
internal static class LivenessRequestReader
{
    public const string EncryptedVideo = "encrypted_video";
    public const string ReturnImage = "return_image";
    public const string ReturnFaceImage = "return_face_image";
    public const string ReturnStatus = "return_status";

    public static async Task<LivenessRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            return await ReadFormAsync(request, cancellationToken);
        }

        if (request.HasJsonContentType())
        {
            return await ReadJsonAsync(request, cancellationToken);
        }

        throw LivenessError.InvalidArgument(
            "the body must be application/x-www-form-urlencoded, multipart/form-data or application/json");
    }

    private static async Task<LivenessRequest> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await ReadFormOrFailAsync(request, cancellationToken);
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
            ContractBoolean.Parse(ReturnStatus, Single(form, ReturnStatus)));
    }

    private static async Task<IFormCollection> ReadFormOrFailAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw LivenessError.InvalidArgument($"the form body could not be read ({e.Message})");
        }
    }

    private static string? Single(IFormCollection form, string field)
    {
        if (!form.TryGetValue(field, out StringValues values))
        {
            return null;
        }

        return values.Count == 1 ? values[0] : throw LivenessError.InvalidArgument($"{field} is given more than once");
    }

    private static async Task<LivenessRequest> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException)
        {
            throw LivenessError.InvalidArgument("the JSON body is malformed");
        }

        using (document)
        {
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
                JsonBoolean(root, ReturnStatus));
        }
    }

    private static bool JsonBoolean(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
            && ContractBoolean.Parse(field, value);

    private static string Required(string? video) =>
        string.IsNullOrWhiteSpace(video) ? throw LivenessError.InvalidArgument($"{EncryptedVideo} is required") : video;
}
