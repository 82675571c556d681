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
    /// A synthetic print (a still frame of a live video moved by hand, <see cref="TestVideos.StillPhotoMovedByHand"/>):
    /// the classifier takes the photo for the live face it shows, the face's motion gives it away.
    /// </summary>
    [Fact]
    public async Task A_photo_moved_by_hand_is_rejected_by_its_motion_alone()
    {
        var video = TestVideos.Bytes(TestVideos.StillPhotoMovedByHand());
        await using var motionBlind = await LivenessServer.StartAsync(new Dictionary<string, string>
        {
            ["Fusion:PlanarMotion:Weight"] = "0",
            ["Fusion:MicroMotion:Weight"] = "0",
        });

        var withMotion = await (await fixture.Server.Client.PostVideoAsync(video, returnStatus: true)).ReadContractJsonAsync();
        var withoutMotion = await (await motionBlind.Client.PostVideoAsync(video, returnStatus: true)).ReadContractJsonAsync();

        Assert.Equal("hack", withMotion.GetProperty("liveness_status").GetString());
        Assert.True(withMotion.GetProperty("liveness_score").GetDouble() < 0.05);
        Assert.Equal("ok", withoutMotion.GetProperty("liveness_status").GetString());
        Assert.True(withoutMotion.GetProperty("liveness_score").GetDouble() > 0.9);
    }

    /// <summary>
    /// Scores recorded with the calibrated fusion of the classifier and the cues (docs/accuracy.md): changes for
    /// speed (overlapping decoding with inference, buffer reuse) must keep every decision and score as it was.
    /// The frames the classifier sees have not changed since the first, strictly sequential pipeline.
    /// </summary>
    [Theory]
    [InlineData("videos/debian_forensics_webcam.mp4", 0.972598)]
    [InlineData("videos/debian_kphotoalbum_movie.avi", 0.996189)]
    [InlineData("videos/lestari15_real.mp4", 0.964938)]
    [InlineData("videos/lestari15_fake.mp4", 0.0)]
    [InlineData("videos/trainingdata_628befdf.mp4", 0.0)]
    [InlineData("videos/trainingdata_630b66fa.mp4", 0.22009)]
    [InlineData("videos/tranvanluyt2203_real.mp4", 0.932345)]
    [InlineData("videos/tranvanluyt2203_fake.mp4", 0.000105)]
    public async Task Every_shared_video_keeps_its_recorded_score(string file, double recorded)
    {
        using var response = await fixture.Server.Client.PostVideoAsync(File.ReadAllBytes(SharedFiles.Sample(file)));
        var body = await response.ReadContractJsonAsync();

        Assert.Equal(recorded, body.GetProperty("liveness_score").GetDouble(), 1e-4);
    }
}
