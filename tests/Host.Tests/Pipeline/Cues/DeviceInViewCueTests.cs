using Liveness.Abstractions;
using Liveness.Host.Pipeline.Cues;
using Liveness.Host.Plugins;
using Liveness.Host.Video;
using Microsoft.Extensions.DependencyInjection;
using OpenCvSharp;
using Xunit.Abstractions;

namespace Liveness.Host.Tests.Pipeline.Cues;

/// <summary>The device-in-view cue on the scene detector's findings in the shared frames, and on scenes laid out by hand.</summary>
[Collection(nameof(ServerCollection))]
public sealed class DeviceInViewCueTests(ServerFixture fixture, ITestOutputHelper output)
{
    private static readonly double Threshold = new FusionOptions().DeviceInView.Threshold;

    /// <summary>The replay frames in which the device's edge shows, picked by eye: every phone held up to a webcam, and a few more.</summary>
    private static readonly string[] DeviceInViewOutsideTheWebcamSets =
    [
        "frames/vid_Trainingdata-d_cf63cd2c633b_f0.png",
        "frames/vid_Trainingdata-d_b45a3ceb1ca9_f0.png",
        "frames/vid_tranvanluyt220_fake_f4.png",
        "frames/mv_image_F2.jpg",
    ];

    [Theory]
    [InlineData("frames/yolo_Codersworld-23_17431753297813697.jpg")] // a phone held up to a webcam, bezel all round
    [InlineData("frames/yolo_DangThanhLiem_17323017887667408.jpg")] // a phone in a hand whose arm reaches below it
    [InlineData("frames/vid_Trainingdata-d_b45a3ceb1ca9_f0.png")] // a phone filmed by a phone, before it fills the view
    [InlineData("frames/yolo_Spp77_16976068158146029.jpg")] // a screen filling most of the view: the face is small in it
    [InlineData("frames/mv_image_F2.jpg")] // a tablet
    public void Fires_on_a_replay_with_the_device_in_view(string file)
    {
        var measure = MeasureOn(file);

        Assert.True(measure >= Threshold, $"{file}: {measure}");
    }

    [Fact]
    public void Fires_on_most_replays_with_the_device_in_view_and_on_no_live_frame()
    {
        var frames = SampleManifest.Samples.Where(sample => sample.Kind == "frame").ToList();
        var measured = frames.Select(frame => (Frame: frame, Group: GroupOf(frame), Measure: MeasureOn(frame.File))).ToList();
        foreach (var group in measured.GroupBy(frame => frame.Group))
        {
            output.WriteLine($"{group.Key}: {group.Count(frame => frame.Measure >= Threshold)} of {group.Count()} fire; "
                + $"largest {group.Max(frame => frame.Measure):F3}");
        }

        var live = measured.Where(frame => frame.Group == "live").ToList();
        var device = measured.Where(frame => frame.Group == "replay, device in view").ToList();
        Assert.Equal(58, live.Count);
        Assert.Equal(40, device.Count);
        Assert.All(live, frame => Assert.True(frame.Measure < Threshold / 2, $"{frame.Frame.File}: {frame.Measure}"));
        Assert.InRange(device.Count(frame => frame.Measure >= Threshold), 28, 40);
    }

    [Fact]
    public void A_tv_behind_a_seated_person_does_not_fire_but_the_same_tv_showing_the_face_does()
    {
        // Synthetic, 640x480: a large TV on the wall, a face in front of its middle.
        var face = new FaceBox(280, 100, 80, 90);
        var tv = new SceneObject(SceneObjectKind.Tv, new FaceBox(100, 20, 440, 260), 0.6f);
        var seated = new SceneObject(SceneObjectKind.Person, new FaceBox(200, 70, 240, 410), 0.9f);
        var onScreen = seated with { Box = new FaceBox(220, 80, 200, 200) };

        Assert.Equal(0, DeviceInViewCue.Measure([tv, seated], face));
        Assert.Equal(0.6, DeviceInViewCue.Measure([tv, onScreen], face), 5);
        // Nobody the detector is sure of: nothing tells a backdrop from a screen, and a screen it is taken for.
        Assert.Equal(0.6, DeviceInViewCue.Measure([tv, seated with { Score = 0.3f }], face), 5);
    }

    [Fact]
    public void A_phone_held_over_the_face_fires_though_the_holder_sits_behind_it()
    {
        var face = new FaceBox(280, 100, 80, 90);
        var phone = new SceneObject(SceneObjectKind.CellPhone, new FaceBox(250, 60, 140, 210), 0.4f);
        var holder = new SceneObject(SceneObjectKind.Person, new FaceBox(180, 40, 280, 440), 0.9f);

        Assert.Equal(0.4, DeviceInViewCue.Measure([holder, phone], face), 5);
    }

    [Fact]
    public void Only_a_device_that_holds_the_face_counts_and_the_surest_one_is_the_measure()
    {
        var face = new FaceBox(280, 100, 80, 90);
        SceneObject Found(SceneObjectKind kind, float x, float y, float width, float height, float score) =>
            new(kind, new FaceBox(x, y, width, height), score);

        Assert.Equal(0, DeviceInViewCue.Measure([], face));
        Assert.Equal(0, DeviceInViewCue.Measure([Found(SceneObjectKind.CellPhone, 300, 130, 40, 30, 0.9f)], face)); // a sliver inside the face
        Assert.Equal(0, DeviceInViewCue.Measure([Found(SceneObjectKind.Laptop, 400, 200, 200, 150, 0.9f)], face)); // beside the face
        Assert.Equal(0, DeviceInViewCue.Measure([Found(SceneObjectKind.Book, 250, 60, 140, 210, 0.9f)], face)); // not a screen
        Assert.Equal(0.5, DeviceInViewCue.Measure(
            [Found(SceneObjectKind.Tv, 250, 60, 140, 210, 0.2f), Found(SceneObjectKind.CellPhone, 255, 65, 130, 200, 0.5f)], face), 5);
    }

    /// <summary>The cue on the largest face the serving detector finds in a shared frame, and what the serving scene detector finds around it.</summary>
    private double MeasureOn(string file)
    {
        using var lease = fixture.Server.Host.Pipeline!.Services.GetRequiredService<BackendRegistry>().Lease()!;
        using var frame = Cv2.ImRead(SharedFiles.Sample(file));
        var face = lease.Backends.Detector.Detect(frame.AsBgrImage()).MaxBy(found => found.Box.Area);
        Assert.NotNull(face);
        return DeviceInViewCue.Measure(lease.Backends.SceneDetector!.Detect(frame.AsBgrImage()), face.Box);
    }

    private static string GroupOf(SampleManifest.Sample frame) =>
        frame.Label == "live" ? "live"
        : !frame.AttackType.StartsWith("replay", StringComparison.Ordinal) ? "print or mask"
        : frame.File.StartsWith("frames/yolo_", StringComparison.Ordinal) || frame.File.StartsWith("frames/vid_lestari15_fake", StringComparison.Ordinal)
            || DeviceInViewOutsideTheWebcamSets.Contains(frame.File) ? "replay, device in view"
        : "replay, screen fills the view";
}
