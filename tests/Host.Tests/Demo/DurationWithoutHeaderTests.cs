using System.Net;

namespace Liveness.Host.Tests.Demo;

/// <summary>
/// Browser-made WebM states no duration in its header; the contract's length rules must then come from the decoded
/// frame times. The clips are the live video written by ffmpeg as a live stream (synthetic container, real face).
/// </summary>
[Collection(nameof(ServerCollection))]
public sealed class DurationWithoutHeaderTests(ServerFixture fixture)
{
    [Fact]
    public void The_clips_state_no_duration_in_their_header_where_ffmpeg_otherwise_does()
    {
        Assert.False(BrowserClips.StatesDuration(BrowserClips.WebmWithoutDuration(1)));
        Assert.False(BrowserClips.StatesDuration(BrowserClips.WebmWithoutDuration(4)));
        Assert.True(BrowserClips.StatesDuration(TestVideos.Format("vp8.webm")));
    }

    [Fact]
    public async Task One_second_without_a_stated_duration_is_an_invalid_video()
    {
        using var response = await fixture.Server.Client.PostVideoAsync(TestVideos.Bytes(BrowserClips.WebmWithoutDuration(1)));

        await response.AssertErrorAsync(400, 2008, "shorter than 2 s");
    }

    [Fact]
    public async Task The_whole_live_video_without_a_stated_duration_passes()
    {
        using var response = await fixture.Server.Client.PostVideoAsync(TestVideos.Bytes(BrowserClips.WebmWithoutDuration(4)), returnStatus: true);
        var body = await response.ReadContractJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body.GetProperty("liveness_status").GetString());
    }

    [Fact]
    public async Task Over_the_maximum_without_a_stated_duration_is_an_invalid_video()
    {
        await using var server = await LivenessServer.StartAsync(new Dictionary<string, string> { ["Video:MaxSeconds"] = "3" });

        using var response = await server.Client.PostVideoAsync(TestVideos.Bytes(BrowserClips.WebmWithoutDuration(4)));

        await response.AssertErrorAsync(400, 2008, "longer than 3 s");
    }
}
