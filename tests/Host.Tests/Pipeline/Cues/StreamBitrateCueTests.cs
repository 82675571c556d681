using Liveness.Host.Pipeline.Cues;
using Liveness.Host.Video;
using Microsoft.Extensions.Logging.Abstractions;

namespace Liveness.Host.Tests.Pipeline.Cues;

/// <summary>The stream-bitrate cue on the shared uploads as the decoder reads them, and on counts chosen by hand.</summary>
public sealed class StreamBitrateCueTests
{
    private static readonly FusionOptions Defaults = new();

    public static TheoryData<string> SharedVideos() =>
        new(SampleManifest.Samples.Where(sample => sample.Kind == "video").Select(sample => sample.File));

    /// <summary>Every shared upload, live or attack, as a camera or phone encoded it: 1.17-40 bits per pixel and second, far above the threshold.</summary>
    [Theory]
    [MemberData(nameof(SharedVideos))]
    public void A_video_as_a_camera_encoded_it_is_far_above_the_threshold(string file)
    {
        using var video = SampledVideo.Open(SharedFiles.Sample(file), new VideoOptions(), NullLogger.Instance);
        _ = video.Frames(0.1, CancellationToken.None).Count();

        var reading = Assert.Single(StreamBitrateCue.Read(video.VideoStreamBytes, video.FrameSize, video.DurationSeconds, Defaults));

        Assert.True(reading.Measure > 3.5 * Defaults.StreamBitrate.Threshold, $"{file}: {reading.Measure}");
        Assert.True(reading.Penalty < 1e-6, $"{file}: {reading.Penalty}");
    }

    [Fact]
    public void The_measure_is_the_streams_bits_per_pixel_and_second()
    {
        // 3 MB of a 640x480 stream over 5 s: 15.6 bits per pixel and second; 60 kB of it: 0.31.
        var plenty = Assert.Single(StreamBitrateCue.Read(3_000_000, (640, 480), 5, Defaults));
        var starved = Assert.Single(StreamBitrateCue.Read(60_000, (640, 480), 5, Defaults));
        var lower = Assert.Single(StreamBitrateCue.Read(30_000, (640, 480), 5, Defaults));

        Assert.Equal(3_000_000 * 8.0 / (640 * 480 * 5), plenty.Measure, 9);
        Assert.Equal(0, plenty.Evidence, 9);
        Assert.InRange(starved.Evidence, 0.4, 0.5);
        Assert.True(lower.Evidence > 0.9, $"{lower.Evidence}");
        Assert.Equal(Defaults.StreamBitrate.Weight * lower.Evidence, lower.Penalty, 9);
    }

    [Fact]
    public void No_count_no_length_or_a_cue_switched_off_gives_no_reading()
    {
        Assert.Empty(StreamBitrateCue.Read(null, (640, 480), 5, Defaults));
        Assert.Empty(StreamBitrateCue.Read(60_000, null, 5, Defaults));
        Assert.Empty(StreamBitrateCue.Read(60_000, (640, 480), 0, Defaults));
        Assert.Empty(StreamBitrateCue.Read(60_000, (640, 480), 5, new FusionOptions { StreamBitrate = { Weight = 0 } }));
    }
}
