using System.Diagnostics;
using System.Text;

namespace Liveness.Host.Tests.Demo;

/// <summary>Clips shaped as a browser makes or reads them, derived from the shared videos with ffmpeg (synthetic containers, real faces).</summary>
internal static class BrowserClips
{
    /// <summary>
    /// The first <paramref name="seconds"/> of the live video in VP8 WebM written as a live stream, as MediaRecorder
    /// writes it: no duration in the header, so only the decoded frame times tell the length.
    /// </summary>
    public static string WebmWithoutDuration(double seconds) =>
        TestVideos.Make(FormattableString.Invariant($"live_{seconds}s.webm"),
            FormattableString.Invariant($"-i {TestVideos.Quote(SharedFiles.Video(TestVideos.LiveSource))} -an -t {seconds} -vf scale=640:-2 ")
            + "-c:v libvpx -b:v 1M -deadline realtime -cpu-used 8 -live 1 -f webm");

    /// <summary>
    /// A Y4M file for Chromium's fake camera (<c>--use-file-for-fake-video-capture</c>), which loops it: the video
    /// forward then backward, so the loop has no jump a tracker could take for a cut.
    /// </summary>
    public static string FakeCamera(string sharedVideo)
    {
        var made = TestVideos.Make(Path.ChangeExtension(sharedVideo, ".ffmpeg.y4m"),
            $"-i {TestVideos.Quote(SharedFiles.Video(sharedVideo))} -an "
            + "-filter_complex \"[0:v]scale=640:-2,fps=30,split[f][b];[b]reverse[r];[f][r]concat=n=2:v=1[v]\" "
            + "-map [v] -pix_fmt yuv420p -f yuv4mpegpipe");
        var camera = Path.ChangeExtension(made, null) + ".chromium.y4m";
        if (!File.Exists(camera))
        {
            WithChromiumHeader(made, camera);
        }

        return camera;
    }

    /// <summary>What ffprobe reads from the container: its format names and the first video stream's codec.</summary>
    public static (string Format, string Codec) Probe(string path)
    {
        var start = new ProcessStartInfo("ffprobe",
            $"-v error -select_streams v:0 -show_entries format=format_name:stream=codec_name -of default=noprint_wrappers=1 {TestVideos.Quote(path)}")
        {
            RedirectStandardOutput = true,
        };
        using var ffprobe = Process.Start(start)!;
        var fields = ffprobe.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        ffprobe.WaitForExit();
        Assert.Equal(0, ffprobe.ExitCode);
        return (fields["format_name"], fields["codec_name"]);
    }

    /// <summary>
    /// Whether a WebM's header states its duration: a Duration element (EBML id 0x4489) before the first Cluster
    /// (0x1F43B675). ffprobe cannot tell: it prints an estimate from the bit rate where the header has none.
    /// </summary>
    private static ReadOnlySpan<byte> ClusterId => [0x1F, 0x43, 0xB6, 0x75];

    private static ReadOnlySpan<byte> DurationId => [0x44, 0x89];

    public static bool StatesDuration(string webm)
    {
        var bytes = File.ReadAllBytes(webm);
        var firstCluster = bytes.AsSpan().IndexOf(ClusterId);
        Assert.True(firstCluster > 0, $"{webm} has no Cluster: it is no WebM");
        return bytes.AsSpan(0, firstCluster).IndexOf(DurationId) >= 0;
    }

    /// <summary>Chromium's Y4M reader wants the colour space <c>C420</c> where ffmpeg writes <c>C420mpeg2</c> (and a tag after it).</summary>
    private static void WithChromiumHeader(string source, string target)
    {
        using var input = File.OpenRead(source);
        var header = new List<byte>();
        for (var next = input.ReadByte(); next != '\n'; next = input.ReadByte())
        {
            Assert.True(next >= 0, "the Y4M file has no header line");
            header.Add((byte)next);
        }

        var tags = Encoding.ASCII.GetString(header.ToArray()).Split(' ')
            .Where(tag => !tag.StartsWith("XYSCSS=", StringComparison.Ordinal))
            .Select(tag => tag.StartsWith('C') ? "C420" : tag);
        var partial = target + ".partial";
        using (var output = File.Create(partial))
        {
            output.Write(Encoding.ASCII.GetBytes(string.Join(' ', tags) + "\n"));
            input.CopyTo(output);
        }

        File.Move(partial, target, overwrite: true);
    }
}
