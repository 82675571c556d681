using System.Text.Json;
using Liveness.Host.Tests;
using OpenCvSharp;

namespace Liveness.Cli.Tests;

/// <summary><c>liveness check</c> against the real host: the answer on stdout, the decision in the exit code.</summary>
[Collection(nameof(KitServer))]
public sealed class CheckCommandTests(ServerFixture fixture)
{
    private string Url => fixture.Server.Client.BaseAddress!.ToString();

    [Fact]
    public async Task A_live_video_exits_0_and_writes_the_frame_and_face_it_asked_for()
    {
        var output = Directory.CreateTempSubdirectory("liveness-cli-").FullName;
        try
        {
            var run = await Liveness(["check", SharedFiles.Video(TestVideos.LiveSource), "--url", Url, "--image", "--face-image", "--out", output]);

            Assert.Equal(0, run.ExitCode);
            var answer = JsonDocument.Parse(run.Output).RootElement;
            Assert.True(answer.GetProperty("passed").GetBoolean());
            Assert.Equal("ok", answer.GetProperty("liveness_status").GetString());
            var frame = AssertJpeg(Path.Combine(output, "lestari15_real.frame.jpg"));
            var face = AssertJpeg(Path.Combine(output, "lestari15_real.face.jpg"));
            Assert.True(face.Width < frame.Width && face.Height < frame.Height);
            Assert.Equal(answer.GetProperty("base64_image").GetBytesFromBase64(), File.ReadAllBytes(Path.Combine(output, "lestari15_real.frame.jpg")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task A_screen_replay_exits_1_as_hack()
    {
        var run = await Liveness(["check", SharedFiles.Video("lestari15_fake.mp4"), "--url", Url]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("hack", JsonDocument.Parse(run.Output).RootElement.GetProperty("liveness_status").GetString());
    }

    [Fact]
    public async Task A_face_seen_too_briefly_exits_1_as_short_time()
    {
        var run = await Liveness(["check", TestVideos.BriefFace(), "--url", Url, "--image"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("short_time", JsonDocument.Parse(run.Output).RootElement.GetProperty("liveness_status").GetString());
        Assert.DoesNotContain("wrote", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_answer_exits_2_with_the_contract_message_on_stderr()
    {
        var notVideo = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(notVideo, "hello");

            var run = await Liveness(["check", notVideo, "--url", Url]);

            Assert.Equal(2, run.ExitCode);
            Assert.Equal(2008, JsonDocument.Parse(run.Output).RootElement.GetProperty("code").GetInt32());
            Assert.StartsWith("invalid video error: ", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(notVideo);
        }
    }

    [Fact]
    public async Task A_key_the_server_does_not_hold_exits_2_as_invalid_argument()
    {
        var run = await Liveness(["check", SharedFiles.Video(TestVideos.LiveSource), "--url", Url], new Dictionary<string, string?>
        {
            ["PARAM_DECRYPT_KEY"] = "0123456789abcdef0123456789abcdef",
            ["PARAM_DECRYPT_IV"] = "0123456789ab",
        });

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("invalid argument: encrypted_video could not be decrypted", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_of_the_wrong_length_is_refused_before_anything_is_sent()
    {
        var run = await Liveness(["check", SharedFiles.Video(TestVideos.LiveSource), "--url", "http://127.0.0.1:1"],
            new Dictionary<string, string?> { ["PARAM_DECRYPT_KEY"] = "short" });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("PARAM_DECRYPT_KEY must be 32 bytes", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_host_exits_2()
    {
        var run = await Liveness(["check", SharedFiles.Video(TestVideos.LiveSource), "--url", "http://127.0.0.1:1"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot reach http://127.0.0.1:1/liveness/silent_detection/stateless", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_usage_error_exits_2_never_1()
    {
        var run = await Liveness(["check"]);

        Assert.Equal(2, run.ExitCode);
    }

    internal static Task<CommandRun> Liveness(string[] arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        CommandRun.DotnetAsync("liveness.dll", arguments, environment);

    private static Mat AssertJpeg(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0xFF, 0xD8], bytes[..2]);
        var image = Cv2.ImDecode(bytes, ImreadModes.Color);
        Assert.False(image.Empty());
        return image;
    }
}
