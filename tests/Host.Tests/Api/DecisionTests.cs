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
    public async Task Real_attacks_are_rejected(string file)
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
    /// Synthetic (<see cref="Pipeline.SyntheticCompositions"/>): a replay on a phone held over a live face for the last
    /// 0.8 s is the classifier's to reject by its stretch, and stays rejected with both motion cues off: the motion is
    /// still followed, since only it says where the face was found again (without it the video passed at 0.985).
    /// </summary>
    [Fact]
    public async Task The_classifier_s_stretches_count_with_the_motion_cues_off()
    {
        var video = File.ReadAllBytes(Pipeline.SyntheticCompositions.File("phone_over_face_at_end.mp4"));
        await using var motionBlind = await LivenessServer.StartAsync(new Dictionary<string, string>
        {
            ["Fusion:PlanarMotion:Weight"] = "0",
            ["Fusion:MicroMotion:Weight"] = "0",
        });

        var body = await (await motionBlind.Client.PostVideoAsync(video, returnStatus: true)).ReadContractJsonAsync();

        Assert.Equal("hack", body.GetProperty("liveness_status").GetString());
        Assert.True(body.GetProperty("liveness_score").GetDouble() < 0.1, body.ToString());
    }

    /// <summary>
    /// Synthetic: a photo sent as six frames 1.2 s apart (<see cref="TestVideos.StillPhotoEvery"/>), which the classifier
    /// takes for live and no track can follow. It used to pass: no motion step, so no motion cue spoke. Now a face whose
    /// motion cannot be seen is rejected, and frames that far apart count a second each of face time.
    /// </summary>
    [Fact]
    public async Task A_photo_sent_as_frames_seconds_apart_is_rejected()
    {
        using var response = await fixture.Server.Client.PostVideoAsync(TestVideos.Bytes(TestVideos.StillPhotoEvery(1.2)), returnStatus: true);
        var body = await response.ReadContractJsonAsync();

        Assert.Equal("hack", body.GetProperty("liveness_status").GetString());
        Assert.True(body.GetProperty("liveness_score").GetDouble() < 0.05, body.ToString());
    }

    /// <summary>
    /// Scores recorded with the fusion of issue 12 (docs/accuracy.md): every judged face classified over the whole
    /// video and scored by its first quartile, the device-in-view cue, the calibration refitted on frames and videos
    /// (0.62, -0.06). Changes for speed must keep every decision and score as it was; a new decoder may move the
    /// frames sampled, so the tolerance is 1e-3, not the last decimal.
    /// </summary>
    /// <remarks>
    /// How the scores of issue 6 moved: the live videos a little up (0.96-0.996 before) with the calibration, except
    /// tranvanluyt2203_real (0.932 before): its 19 s hold two stretches of 2-3 s with the head turned away, where the
    /// classifier says 0.15-0.6, and the first quartile now counts them (still far above the threshold 0.40).
    /// trainingdata_630b66fa (0.220 before): the device-in-view cue finds the phone being filmed (0.72), and the
    /// seconds of bezel count. tranvanluyt2203_fake and trainingdata_628befdf (0.0001 and 0 before): the calibration's
    /// intercept. The other nine videos were added to the manifest after issue 6.
    /// Re-pinned when the ffmpeg decoder of issue 17 landed (it skips non-reference frames, so other frames are
    /// sampled): tranvanluyt2203_real 0.692 -> 0.824 (its turned-away stretches fall on fewer sampled frames), the
    /// print EclpsoftJerry_PRUEBA1 0.323 -> 0.298, the other live videos by 0.002-0.008; every decision is the same.
    /// The pins above were computed from one run's details before that; these are posted through the API.
    /// Re-pinned for the cost of issue 12: faces are searched for every 0.2 s instead of 0.1 s (the motion cues step
    /// every 0.2 s anyway), and every percentile is taken by one rule (linear interpolation, Quantile). The rule alone
    /// moves the live videos by at most 0.001 and the print EclpsoftJerry_PRUEBA1 0.298 -> 0.344 (its micro-motion's
    /// 90th percentile of few steps); the sampling then moves tranvanluyt2203_real 0.824 -> 0.875 and tdreal_621ea6b1
    /// 0.801 -> 0.830 (fewer frames of the turned-away stretches), the print to 0.191 (one wild motion step at
    /// 0.1 s sampling read it as live-like micro-motion, 0.41; at 0.2 s it reads 0.006), the replays by under 0.003,
    /// the other live videos by under 0.015; every decision is the same.
    /// Re-pinned when micro-motion came to be read per main face and to fail closed: the print EclpsoftJerry_PRUEBA1
    /// 0.191 -> 0.000002. It has three tracks; one that was the main face for a moment has under five steps of its
    /// own, so it shows no motion (its steps used to be pooled with the others'). Every other video within 0.001.
    /// Re-pinned when the stretches between the times a face was found again came to be judged (TemporalScore): the
    /// replay trainingdata_628befdf 0.0041 -> 0.0001 (the frames it was found again in at 1.6 and 1.8 s, the phone's
    /// bezel in view, each a stretch of its own, read 0.0000); every other video within 0.001.
    /// </remarks>
    [Theory]
    [InlineData("videos/debian_forensics_webcam.mp4", 0.9695)]
    [InlineData("videos/debian_kphotoalbum_movie.avi", 0.9936)]
    [InlineData("videos/lestari15_real.mp4", 0.9852)]
    [InlineData("videos/lestari15_fake.mp4", 0.0)]
    [InlineData("videos/trainingdata_628befdf.mp4", 0.0001)]
    [InlineData("videos/trainingdata_630b66fa.mp4", 0.0063)]
    [InlineData("videos/tranvanluyt2203_real.mp4", 0.8753)]
    [InlineData("videos/tranvanluyt2203_fake.mp4", 0.0003)]
    [InlineData("videos/tdreal_621ea6b1.mov", 0.8298)]
    [InlineData("videos/tdreal_621ea6c1.mov", 0.9982)]
    [InlineData("videos/tdreal_621f73fc.mov", 0.9994)]
    [InlineData("videos/tdreal_6221e1a8.3gp", 0.9563)]
    [InlineData("videos/EclpsoftJerry_prueba2.mp4", 0.9959)]
    [InlineData("videos/EclpsoftJerry_PRUEBA1.mp4", 0.000002)]
    [InlineData("videos/EclpsoftJerry_prueba3.mp4", 0.0)]
    [InlineData("videos/EclpsoftJerry_prueba4.mp4", 0.0)]
    [InlineData("videos/Wingscape_fake.webm", 0.0034)]
    public async Task Every_shared_video_keeps_its_recorded_score(string file, double recorded)
    {
        using var response = await fixture.Server.Client.PostVideoAsync(File.ReadAllBytes(SharedFiles.Sample(file)));
        var body = await response.ReadContractJsonAsync();

        Assert.Equal(recorded, body.GetProperty("liveness_score").GetDouble(), 1e-3);
    }
}
