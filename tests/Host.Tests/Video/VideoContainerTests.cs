using Liveness.Host.Video;

namespace Liveness.Host.Tests.Video;

/// <summary>The audit names an upload's container by its first bytes, on real clips of each accepted container.</summary>
public sealed class VideoContainerTests
{
    [Theory]
    [InlineData("h264.mp4", "mp4")]
    [InlineData("h264.mov", "mov")]
    [InlineData("h264.3gp", "3gp")]
    [InlineData("mjpeg.avi", "avi")]
    [InlineData("vp8.webm", "webm")]
    [InlineData("h264.mkv", "matroska")]
    [InlineData("h264.flv", "flv")]
    [InlineData("h264.ts", "mpegts")]
    [InlineData("wmv2.wmv", "asf")]
    [InlineData("rv20.rm", "rm")]
    public void Each_accepted_container_is_named(string clip, string container) =>
        Assert.Equal(container, VideoContainer.Sniff(TestVideos.Bytes(TestVideos.Format(clip))));

    [Fact]
    public void Bytes_of_no_known_container_are_unknown() =>
        Assert.Equal("unknown", VideoContainer.Sniff("hello, not a video"u8));
}
