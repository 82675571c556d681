using Liveness.Host.Contract;
using Liveness.Host.Video;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Liveness.Host.Tests.Video;

/// <summary>Reads a video as the pipeline does and keeps what the tests look at: each sampled frame's time and size.</summary>
internal static class Decoding
{
    public sealed record Frame(double Seconds, (int Width, int Height) Size);

    /// <summary>Every decoded frame (no skipped frame, no sampling), as a video's own frame list.</summary>
    public static VideoOptions EveryFrame => new() { SkipNonReferenceFrames = false };

    public static List<Frame> Read(string path, double intervalSeconds, out double duration, VideoOptions? options = null, ILogger? logger = null)
    {
        using var video = SampledVideo.Open(path, options ?? new VideoOptions(), logger ?? NullLogger.Instance);
        var frames = video.Frames(intervalSeconds, CancellationToken.None)
            .Select(frame => new Frame(frame.Seconds, (frame.Image.Width, frame.Image.Height)))
            .ToList();
        duration = video.DurationSeconds;
        return frames;
    }

    /// <summary>The 2008 a video is refused with.</summary>
    public static string Refusal(string path, VideoOptions? options = null)
    {
        var error = Assert.Throws<Liveness.Host.Contract.LivenessError>(() => Read(path, 0.1, out _, options));
        Assert.Equal(Liveness.Host.Contract.ErrorKind.InvalidVideo, error.Kind);
        return error.Message;
    }

    /// <summary>A file of <paramref name="text"/> beside the derived clips (so a relative name in it finds one of them).</summary>
    public static string TextBesideClips(string name, string text)
    {
        var path = Path.Combine(Path.GetDirectoryName(TestVideos.Format("h264.mp4"))!, name);
        File.WriteAllText(path, text);
        return path;
    }
}
