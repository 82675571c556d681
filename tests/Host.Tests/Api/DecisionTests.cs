using System.Net;

namespace Liveness.Host.Tests.Api;

/// <summary>The decision on the real labelled videos of the shared manifest.</summary>
[Collection(nameof(ServerCollection))]
public sealed class DecisionTests(ServerFixture fixture)
{
    public static TheoryData<string> LiveVideos() => new(SampleManifest.Videos("live").Select(sample => sample.File));

    public static TheoryData<string> SpoofVideos() => new(SampleManifest.Videos("spoof").Select(sample => sample.File));

    [Theory]
    [MemberData(nameof(LiveVideos))]
    public async Task Real_live_people_pass(string file)
    {
        using var response = await fixture.Server.Client.PostVideoAsync(
            File.ReadAllBytes(Path.Combine(SharedFiles.Root, "data", file)), returnStatus: true);
        var body = await response.ReadContractJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body.GetProperty("liveness_status").GetString());
        Assert.True(body.GetProperty("passed").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(SpoofVideos))]
    public async Task Real_screen_replays_are_rejected(string file)
    {
        using var response = await fixture.Server.Client.PostVideoAsync(
            File.ReadAllBytes(Path.Combine(SharedFiles.Root, "data", file)), returnStatus: true);
        var body = await response.ReadContractJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hack", body.GetProperty("liveness_status").GetString());
        Assert.False(body.GetProperty("passed").GetBoolean());
    }
}
