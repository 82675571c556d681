using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Liveness.Host.Crypto;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace Liveness.Host.Tests.Demo;

/// <summary>
/// The demo page end to end in Debian's real Chromium (installed by .ci/run), driven by Playwright, with a fake
/// camera playing a shared video: <c>/demo/?auto=1</c> records, encrypts in WebCrypto, posts to the real host and
/// shows the decision.
/// </summary>
[Collection(nameof(ServerCollection))]
public sealed partial class BrowserDemoTests(ServerFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Debian's package; <c>LIVENESS_CHROMIUM</c> names another build. Playwright's own download is never used.</summary>
    private static readonly string Chromium = Environment.GetEnvironmentVariable("LIVENESS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Screenshots of the result, with the returned images blurred (the samples must not be redistributed): docs/demo.png is one.</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "demo-screenshots")).FullName;

    /// <summary>
    /// The clip MediaRecorder made is VP8 WebM with no duration in its header, sealed as the contract says (opened
    /// here with the manual's key); the server measured its length from the decoded frames, or it would be 2008.
    /// </summary>
    [Fact]
    public async Task A_live_face_on_the_camera_passes_in_the_page()
    {
        var run = await RecordAsync("lestari15_real.mp4", "live.png");
        if (run.Status != "ok")
        {
            // Seen once in a full CI run on 2 busy cores, never alone: most likely Chromium's fake camera fell behind
            // and the recording stalled, which the motion cues read as a still photo. A page or server fault fails twice.
            output.WriteLine($"the first recording was answered {run.Status}; recording once more");
            run = await RecordAsync("lestari15_real.mp4", "live.png");
        }

        Assert.Equal(("true", "ok"), (run.Passed, run.Status));
        Assert.True(run.FrameShown, "the selected frame is shown");
        Assert.True(run.FaceShown, "the face crop is shown");
        var recording = Path.Combine(fixture.Server.WorkDirectory, "recorded.webm");
        await File.WriteAllBytesAsync(recording, Open(run.EncryptedVideo));
        Assert.Equal(("matroska,webm", "vp8"), BrowserClips.Probe(recording));
        Assert.False(BrowserClips.StatesDuration(recording), "MediaRecorder's WebM states no duration");
    }

    [Fact]
    public async Task A_replayed_video_on_the_camera_is_a_hack_in_the_page()
    {
        var run = await RecordAsync("lestari15_fake.mp4", "replay.png");

        Assert.Equal(("false", "hack"), (run.Passed, run.Status));
        Assert.False(run.FrameShown, "no frame is returned for a failed check");
    }

    [Fact]
    public async Task An_uploaded_live_video_passes_in_the_page()
    {
        var video = SharedFiles.Video("lestari15_real.mp4");
        var run = await RunPageAsync(camera: null, "/demo/", page => page.SetInputFilesAsync("#upload", video), "upload.png");

        Assert.Equal(("true", "ok"), (run.Passed, run.Status));
        Assert.Equal(await File.ReadAllBytesAsync(video), Open(run.EncryptedVideo));
    }

    /// <summary>The page on its own: <c>?auto=1</c> records from the fake camera playing <paramref name="cameraVideo"/>.</summary>
    private Task<PageRun> RecordAsync(string cameraVideo, string screenshot) =>
        RunPageAsync(BrowserClips.FakeCamera(cameraVideo), "/demo/?auto=1", _ => Task.CompletedTask, screenshot);

    /// <summary>Opens <paramref name="path"/>, does <paramref name="act"/> once the page is ready, and reads the answer it shows.</summary>
    private async Task<PageRun> RunPageAsync(string? camera, string path, Func<IPage, Task> act, string screenshot)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (.ci/run does)");
        var origin = fixture.Server.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = camera is null ? [] :
            [
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                $"--use-file-for-fake-video-capture={camera}",
            ],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1200 } });
        var elsewhere = new ConcurrentQueue<string>();
        var posted = new ConcurrentQueue<string>();
        var answeredIds = new ConcurrentQueue<string>();
        var console = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin + "/", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                elsewhere.Enqueue(request.Url);
            }

            if (request.Method == "POST")
            {
                posted.Enqueue(request.PostData ?? "");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Request.Method == "POST" && response.Headers.TryGetValue("x-request-id", out var id))
            {
                answeredIds.Enqueue(id);
            }
        };
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");

        await page.GotoAsync(origin + path);
        // The note is written in the same turn as the page's handlers are attached.
        await page.WaitForFunctionAsync("() => document.getElementById('key-note').textContent !== ''");
        await act(page);
        await page.WaitForFunctionAsync("() => document.getElementById('result').textContent !== ''", null,
            new PageWaitForFunctionOptions { Timeout = 240_000 });
        var result = await page.TextContentAsync("#result") ?? "";
        // The returned images show a shared sample's face: blurred beyond recognition before the screenshot.
        await page.EvaluateAsync("() => document.querySelectorAll('#frame, #face').forEach(image => image.style.filter = 'blur(24px)')");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, screenshot), FullPage = true });

        Assert.Empty(elsewhere);
        var match = ResultLine().Match(result);
        Assert.True(match.Success, $"the page showed '{result}'; its console: {string.Join(" | ", console)}");
        Assert.Equal(match.Groups["id"].Value, answeredIds.Single());
        return new PageRun(
            match.Groups["passed"].Value,
            match.Groups["status"].Value,
            await page.IsVisibleAsync("#frame"),
            await page.IsVisibleAsync("#face"),
            QueryHelpers.ParseQuery(posted.Single())["encrypted_video"].Single()!);
    }

    /// <summary>The contract's decryption, done here independently of the server: AES-256-GCM, tag appended, manual key.</summary>
    private static byte[] Open(string encryptedVideo)
    {
        var sealedBytes = Convert.FromBase64String(encryptedVideo);
        var plain = new byte[sealedBytes.Length - 16];
        using var aes = new AesGcm(Encoding.UTF8.GetBytes(CryptoOptions.ManualKey), 16);
        aes.Decrypt(Encoding.UTF8.GetBytes(CryptoOptions.ManualIv), sealedBytes.AsSpan(0, plain.Length), sealedBytes.AsSpan(plain.Length), plain);
        return plain;
    }

    [GeneratedRegex(@"^passed=(?<passed>true|false) score=(?<score>[01]\.\d\d) status=(?<status>ok|hack|short_time) request_id=(?<id>\S+)$")]
    private static partial Regex ResultLine();

    private sealed record PageRun(string Passed, string Status, bool FrameShown, bool FaceShown, string EncryptedVideo);
}
