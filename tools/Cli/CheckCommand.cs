using System.CommandLine;
using System.Text.Json;

namespace Liveness.Tools.Cli;

/// <summary>
/// <c>liveness check VIDEO</c>: encrypts the video as a SenseID client does, posts it form-encoded (the manual's
/// body), prints the JSON answer and exits with the decision (<see cref="ExitCodes"/>).
/// </summary>
internal static class CheckCommand
{
    public const string Route = "/liveness/silent_detection/stateless";

    public static Command Create()
    {
        var video = LivenessCommand.VideoArgument("the video file to check");
        var url = new Option<Uri>("--url")
        {
            Description = $"the host's public front, or the full endpoint URL (the path {Route} is added to a bare host)",
            DefaultValueFactory = _ => new Uri("http://127.0.0.1:8080"),
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
                {
                    return parsed;
                }

                result.AddError($"--url must be an absolute http or https URL, not '{text}'");
                return null;
            },
        };
        var image = new Option<bool>("--image") { Description = "ask for the selected frame and write it as VIDEO.frame.jpg (only when the check passes)" };
        var faceImage = new Option<bool>("--face-image") { Description = "ask for the face crop and write it as VIDEO.face.jpg (only when the check passes)" };
        var output = new Option<DirectoryInfo>("--out") { Description = "the folder for the JPEG files (default: the current folder)" };
        var command = new Command("check", "Check a video against a running host: exit 0 passed, 1 hack or short_time, 2 an error answer "
            + $"(its message on stderr). Key and IV from {ClientKeys.KeyVariable} / {ClientKeys.IvVariable}, else the manual's defaults.")
        {
            video, url, image, faceImage, output,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.InvocationConfiguration,
            parsed.GetRequiredValue(video),
            Endpoint(parsed.GetRequiredValue(url)),
            parsed.GetValue(image),
            parsed.GetValue(faceImage),
            parsed.GetValue(output) ?? new DirectoryInfo(Environment.CurrentDirectory),
            cancellationToken));
        return command;
    }

    private static Uri Endpoint(Uri url) => url.AbsolutePath is "" or "/" ? new Uri(url, Route) : url;

    private static async Task<int> RunAsync(
        InvocationConfiguration console, FileInfo video, Uri endpoint, bool image, bool faceImage, DirectoryInfo output,
        CancellationToken cancellationToken)
    {
        var (keys, problem) = ClientKeys.FromEnvironment();
        if (keys is null)
        {
            await console.Error.WriteLineAsync(problem);
            return ExitCodes.Error;
        }

        var encrypted = ClientEncryption.Seal(await File.ReadAllBytesAsync(video.FullName, cancellationToken), keys.Key, keys.Iv);
        using var body = new FormUrlEncodedContent(
        [
            new("encrypted_video", encrypted),
            new("return_image", image ? "true" : "false"),
            new("return_face_image", faceImage ? "true" : "false"),
            new("return_status", "true"),
        ]);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        string text;
        int httpStatus;
        try
        {
            using var response = await http.PostAsync(endpoint, body, cancellationToken);
            httpStatus = (int)response.StatusCode;
            text = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException e)
        {
            await console.Error.WriteLineAsync($"cannot reach {endpoint}: {e.Message}");
            return ExitCodes.Error;
        }

        var answer = ParseAnswer(text);
        if (answer is null)
        {
            await console.Error.WriteLineAsync($"HTTP {httpStatus} from {endpoint} is not a liveness answer");
            return ExitCodes.Error;
        }

        using (answer)
        {
            await console.Output.WriteLineAsync(text);
            var root = answer.RootElement;
            if (root.GetProperty("code").GetInt32() != 1000)
            {
                await console.Error.WriteLineAsync(root.TryGetProperty("message", out var message) ? message.GetString() : $"HTTP {httpStatus}");
                return ExitCodes.Error;
            }

            var stem = Path.Combine(output.FullName, Path.GetFileNameWithoutExtension(video.Name));
            await WriteJpegAsync(console, root, "base64_image", $"{stem}.frame.jpg", cancellationToken);
            await WriteJpegAsync(console, root, "base64_face_image", $"{stem}.face.jpg", cancellationToken);
            return root.GetProperty("passed").GetBoolean() ? ExitCodes.Passed : ExitCodes.NotPassed;
        }
    }

    /// <summary>The answer when it is a contract body (an object with a numeric <c>code</c>); null for anything else.</summary>
    private static JsonDocument? ParseAnswer(string text)
    {
        try
        {
            var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task WriteJpegAsync(InvocationConfiguration console, JsonElement root, string field, string path, CancellationToken cancellationToken)
    {
        if (root.TryGetProperty(field, out var base64))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, base64.GetBytesFromBase64(), cancellationToken);
            await console.Error.WriteLineAsync($"wrote {path}");
        }
    }
}
