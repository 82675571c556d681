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
            File.ReadAllBytes(SharedFiles.Sample(file)), returnStatus: true);
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
            File.ReadAllBytes(SharedFiles.Sample(file)), returnStatus: true);
        var body = await response.ReadContractJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hack", body.GetProperty("liveness_status").GetString());
        Assert.False(body.GetProperty("passed").GetBoolean());
    }

    /// <summary>
    /// Scores recorded from the first, strictly sequential pipeline: changes for speed (overlapping decoding
    /// with inference, buffer reuse) must keep every decision and score as it was.
    /// </summary>
    [Theory]
    [InlineData("videos/debian_forensics_webcam.mp4", 0.997684)]
    [InlineData("videos/debian_kphotoalbum_movie.avi", 0.999877)]
    [InlineData("videos/lestari15_real.mp4", 0.996683)]
    [InlineData("videos/lestari15_fake.mp4", 0.000098)]
    [InlineData("videos/trainingdata_628befdf.mp4", 0.0)]
    [InlineData("videos/trainingdata_630b66fa.mp4", 0.264478)]
    [InlineData("videos/tranvanluyt2203_real.mp4", 0.9907)]
    [InlineData("videos/tranvanluyt2203_fake.mp4", 0.000003)]
    public async Task Every_shared_video_keeps_its_recorded_score(string file, double recorded)
    {
        using var response = await fixture.Server.Client.PostVideoAsync(File.ReadAllBytes(SharedFiles.Sample(file)));
        var body = await response.ReadContractJsonAsync();

        Assert.Equal(recorded, body.GetProperty("liveness_score").GetDouble(), 1e-4);
    }
}
