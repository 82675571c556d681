using System.Security.Cryptography;
using Liveness.Host.Api;
using Liveness.Host.Video;

namespace Liveness.Host.Tests.Video;

public sealed class SampledVideoTests
{
    public static TheoryData<string> Formats() => new(TestVideos.Formats.Keys);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_supported_container_and_codec_decodes_with_container_times(string format)
    {
        var frames = Read(TestVideos.Format(format), intervalSeconds: 0, out var duration);

        Assert.InRange(frames.Count, 100, 120); // 3.78 s at 30 fps
        Assert.All(frames, frame => Assert.Equal((640, 426), frame.Size));
        Assert.True(frames.Zip(frames.Skip(1)).All(pair => pair.Second.Seconds > pair.First.Seconds), "times must increase");
        Assert.InRange(duration, 3.6, 3.9);
    }

    [Fact]
    public void Sampling_keeps_one_frame_per_interval_of_container_time()
    {
        var frames = Read(TestVideos.Format("h264.mp4"), intervalSeconds: 0.5, out _);

        Assert.InRange(frames.Count, 7, 9);
        Assert.All(frames.Zip(frames.Skip(1)), pair => Assert.InRange(pair.Second.Seconds - pair.First.Seconds, 0.49, 0.55));
    }

    [Fact]
    public void Frame_times_come_from_the_container_not_from_index_over_fps()
    {
        var frames = Read(TestVideos.VariableFrameRate(), intervalSeconds: 0, out var duration);

        // Frame 30 follows a one-second pause: index / fps would say 1.0 s.
        Assert.Equal(0.967, frames[29].Seconds, 2);
        Assert.Equal(2.0, frames[30].Seconds, 2);
        Assert.InRange(duration, 4.6, 4.9);
    }

    [Fact]
    public void Rotation_metadata_is_honoured()
    {
        // Stored as 720x480 with rotation -90: a portrait phone video.
        var frames = Read(SharedFiles.Video("trainingdata_628befdf.mp4"), intervalSeconds: 1, out _);

        Assert.All(frames, frame => Assert.Equal((480, 720), frame.Size));
    }

    [Fact]
    public void A_video_longer_than_the_maximum_is_refused()
    {
        var error = Assert.Throws<LivenessError>(() => Read(TestVideos.Format("h264.mp4"), 0.1, out _, new VideoOptions { MaxSeconds = 2 }));

        Assert.Equal(ErrorKind.InvalidVideo, error.Kind);
        Assert.Contains("longer than 2 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_no_video_are_an_invalid_video()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, System.Security.Cryptography.RandomNumberGenerator.GetBytes(100_000));

            var error = Assert.Throws<LivenessError>(() => Read(path, 0.1, out _));

            Assert.Equal(ErrorKind.InvalidVideo, error.Kind);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FFmpegs_own_threads_change_no_pixel_and_no_time()
    {
        static List<(double Seconds, string Pixels)> Decode(int threads)
        {
            using var video = SampledVideo.Open(TestVideos.Format("h264.mp4"), new VideoOptions { DecoderThreads = threads });
            return video.Frames(0.1, CancellationToken.None)
                .Select(frame => (frame.Seconds, Convert.ToHexString(SHA256.HashData(frame.Image.AsSpan<byte>()))))
                .ToList();
        }

        var single = Decode(threads: 1);

        Assert.True(single.Count > 30);
        Assert.Equal(single, Decode(threads: 0));
    }

    private sealed record Frame(double Seconds, (int Width, int Height) Size);

    private static List<Frame> Read(string path, double intervalSeconds, out double duration, VideoOptions? options = null)
    {
        using var video = SampledVideo.Open(path, options ?? new VideoOptions());
        var frames = video.Frames(intervalSeconds, CancellationToken.None)
            .Select(frame => new Frame(frame.Seconds, (frame.Image.Width, frame.Image.Height)))
            .ToList();
        duration = video.DurationSeconds;
        return frames;
    }
}
