using System.Text.Json;
using Liveness.Host.Tests;
using OpenCvSharp;

namespace Liveness.Tools.Eval.Tests;

/// <summary>
/// CI's run of the tool, in-process: a small manifest of real shared samples copied beside it (two live and two
/// replayed videos, live and replayed frames), plus a file that is no video and an image with no face in it.
/// </summary>
public sealed class EvalCommandTests : IDisposable
{
    private static readonly string[] SharedSamples =
    [
        "videos/debian_kphotoalbum_movie.avi", "videos/tranvanluyt2203_real.mp4",
        "videos/lestari15_fake.mp4", "videos/tranvanluyt2203_fake.mp4",
        "frames/deb_kphotoalbum_movie_f0.png", "frames/vid_lestari15_real_f0.png", "frames/vid_tranvanluyt220_real_f0.png",
        "frames/vid_lestari15_fake_f0.png", "frames/vid_tranvanluyt220_fake_f0.png",
    ];

    private const string Manifest = """
        file,label,attack_type,note
        videos/debian_kphotoalbum_movie.avi,live,none,
        videos/tranvanluyt2203_real.mp4,live,none,
        videos/lestari15_fake.mp4,spoof,replay (phone screen),"same person, replayed"
        videos/tranvanluyt2203_fake.mp4,spoof,replay (phone screen),
        videos/not_a_video.mp4,spoof,replay (phone screen),text bytes
        frames/deb_kphotoalbum_movie_f0.png,live,none,
        frames/vid_lestari15_real_f0.png,live,none,
        frames/vid_tranvanluyt220_real_f0.png,live,none,
        frames/vid_lestari15_fake_f0.png,spoof,replay (phone screen),
        frames/vid_tranvanluyt220_fake_f0.png,spoof,replay (phone screen),
        frames/grey.png,spoof,print,no face in it
        """;

    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("liveness-eval-");

    [Fact]
    public async Task The_tool_measures_a_small_manifest_and_writes_metrics_scores_and_a_det_curve()
    {
        var data = Directory.CreateDirectory(Path.Combine(work.FullName, "data")).FullName;
        foreach (var file in SharedSamples)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(data, file))!);
            File.Copy(SharedFiles.Sample(file), Path.Combine(data, file));
        }

        await File.WriteAllTextAsync(Path.Combine(data, "videos", "not_a_video.mp4"), "these bytes are no video");
        using (var grey = new Mat(240, 320, MatType.CV_8UC3, new Scalar(128, 128, 128)))
        {
            Cv2.ImWrite(Path.Combine(data, "frames", "grey.png"), grey);
        }

        await File.WriteAllTextAsync(Path.Combine(data, "manifest.csv"), Manifest);
        var output = Path.Combine(work.FullName, "out");
        var log = new StringWriter();

        var exitCode = await EvalCommand.RunAsync(
        [
            "--manifest", Path.Combine(data, "manifest.csv"), "--out", output,
            $"--Models:Mirror={SharedFiles.Models}", $"--Models:Directory={Path.Combine(work.FullName, "models")}", "--Models:Download=false",
            "--Pipeline:PassThreshold=0.5",
        ], log);

        Assert.True(exitCode == 0, log.ToString());
        using var metrics = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, EvalCommand.MetricsFile)));
        var root = metrics.RootElement;
        Assert.Equal(0.5, root.GetProperty("threshold").GetDouble());

        var videos = root.GetProperty("videos");
        Assert.Equal(5, videos.GetProperty("count").GetInt32());
        Assert.Equal(1, videos.GetProperty("failed").GetInt32());
        Assert.Equal(1.0, videos.GetProperty("auc").GetDouble());
        Assert.Equal(0.0, videos.GetProperty("apcer").GetDouble());
        Assert.Equal(0.0, videos.GetProperty("bpcer").GetDouble());
        Assert.Equal(0.0, videos.GetProperty("apcer_by_attack").GetProperty("replay (phone screen)").GetDouble());
        Assert.Equal(["0.01", "0.05", "0.10"], videos.GetProperty("bpcer_at_apcer").EnumerateObject().Select(level => level.Name));

        var frames = root.GetProperty("frames");
        Assert.Equal(6, frames.GetProperty("count").GetInt32());
        Assert.Equal(1, frames.GetProperty("failed").GetInt32());
        Assert.Equal(3, frames.GetProperty("bona_fide").GetInt32());
        Assert.Equal(1.0, frames.GetProperty("auc").GetDouble());
        foreach (var set in new[] { videos, frames })
        {
            foreach (var rate in new[] { "apcer", "apcer_pooled", "bpcer", "acer", "apcer_at_bpcer_5" })
            {
                Assert.InRange(set.GetProperty(rate).GetDouble(), 0, 1);
            }
        }

        var failures = root.GetProperty("failures").EnumerateArray()
            .ToDictionary(failure => failure.GetProperty("file").GetString()!, failure => failure.GetProperty("reason").GetString()!);
        Assert.Equal(["frames/grey.png", "videos/not_a_video.mp4"], failures.Keys.Order());
        Assert.StartsWith("2008", failures["videos/not_a_video.mp4"], StringComparison.Ordinal);
        Assert.Equal("no face found", failures["frames/grey.png"]);

        var scores = await File.ReadAllLinesAsync(Path.Combine(output, EvalCommand.ScoresFile));
        Assert.Equal("file,kind,label,attack_type,score,decision,status,milliseconds,reason,cues,faces_tracked,classifier,frame_scores", scores[0]);
        Assert.Equal(12, scores.Length);
        Assert.StartsWith("videos/lestari15_fake.mp4,video,spoof,replay (phone screen),0.0", scores[3], StringComparison.Ordinal);
        Assert.Contains(",reject,hack,", scores[3], StringComparison.Ordinal);
        Assert.StartsWith("videos/not_a_video.mp4,video,spoof,replay (phone screen),,,failed,", scores[5], StringComparison.Ordinal);
        // A frame's row says what the default cues measured on it and took off; a video's also the faces tracked, the
        // classifier's score of the video and each judged face's scores over time (from the pipeline, not the API).
        Assert.Matches(@",glare=[0-9.]+/[0-9.]+ device_in_view=[0-9.]+/[0-9.]+,,,$", scores[6]);
        Assert.Matches(@",glare=[0-9.]+/[0-9.]+ planar_motion=[0-9.]+/[0-9.]+ micro_motion=[0-9.]+/[0-9.]+ device_in_view=[0-9.]+/[0-9.]+ stream_bitrate=[0-9.]+/[0-9.]+,1,0\.[0-9]{6},face 1: 0\.0=[0-9.]+ 0\.5=[0-9.]+ ", scores[1]);

        var det = Path.Combine(output, EvalCommand.DetFile);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(det)[..4]);
        using var image = Cv2.ImRead(det);
        Assert.Equal(2 * 640, image.Width);
    }

    [Fact]
    public async Task A_bad_command_line_is_refused_before_the_host_starts()
    {
        var log = new StringWriter();

        Assert.Equal(2, await EvalCommand.RunAsync(["--manifest", "m.csv", "--Pipeline:PassThreshold"], log));
        Assert.Contains("unexpected argument '--Pipeline:PassThreshold'", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage:", log.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => work.Delete(recursive: true);
}
