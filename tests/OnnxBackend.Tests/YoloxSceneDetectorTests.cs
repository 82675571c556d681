using Liveness.Abstractions;
using Liveness.Plugins.OnnxBackend;

namespace Liveness.OnnxBackend.Tests;

public sealed class YoloxSceneDetectorTests(BackendFixture fixture) : IClassFixture<BackendFixture>
{
    private static readonly SceneObjectKind[] Devices = [SceneObjectKind.CellPhone, SceneObjectKind.Tv, SceneObjectKind.Laptop];

    [Theory]
    [InlineData("frames/yolo_Codersworld-23_17431753297813697.jpg")] // a phone held up to a 640x480 webcam
    [InlineData("frames/yolo_Ahmedooode_172841912933131.jpg")] // the same attack, another collection
    [InlineData("frames/vid_Trainingdata-d_b45a3ceb1ca9_f0.png")] // a portrait phone filming a phone: padded on the right
    public void Finds_the_phone_around_the_face_of_a_replay(string file)
    {
        using var frame = LoadedFrame.Shared(file);
        var face = fixture.Detector.Detect(frame.Image).MaxBy(found => found.Box.Area)!.Box;

        var objects = fixture.SceneDetector.Detect(frame.Image);

        var phone = objects.Where(found => found.Kind == SceneObjectKind.CellPhone).MaxBy(found => found.Score);
        Assert.NotNull(phone);
        Assert.InRange(phone.Score, 0.3f, 1f);
        // The phone holds the whole face (a few pixels of slack for the two models' box edges) and more.
        Assert.True(Holds(phone.Box, face, slack: 4), $"phone at {phone.Box}, face at {face}");
        Assert.InRange(face.Area / phone.Box.Area, 0.03f, 0.6f);
    }

    [Theory]
    [InlineData("frames/yolo_Spp77_16976063076559317.jpg")] // 640x480 webcam
    [InlineData("frames/vid_lestari15_real_f0.png")] // 1080x720
    [InlineData("frames/deb_kphotoalbum_movie_f0.png")] // 160x120: scaled up
    [InlineData("frames/mv_image_T2.jpg")] // 1617x2160 photo
    public void Finds_the_person_and_no_device_around_a_live_face(string file)
    {
        using var frame = LoadedFrame.Shared(file);
        var face = fixture.Detector.Detect(frame.Image).MaxBy(found => found.Box.Area)!.Box;
        var (centreX, centreY) = (face.X + face.Width / 2, face.Y + face.Height / 2);

        var objects = fixture.SceneDetector.Detect(frame.Image);

        var person = objects.Where(found => found.Kind == SceneObjectKind.Person).MaxBy(found => found.Score);
        Assert.NotNull(person);
        Assert.InRange(person.Score, 0.5f, 1f);
        Assert.True(Holds(person.Box, face, slack: 4), $"person at {person.Box}, face at {face}");
        Assert.DoesNotContain(objects, found => Devices.Contains(found.Kind) && Contains(found.Box, centreX, centreY));
    }

    [Fact]
    public void Reports_objects_inside_the_frame_most_confident_first_and_above_the_floor()
    {
        using var frame = LoadedFrame.Shared("frames/vid_Trainingdata-d_b45a3ceb1ca9_f0.png");

        var objects = fixture.SceneDetector.Detect(frame.Image);

        Assert.NotEmpty(objects);
        Assert.Equal(objects.OrderByDescending(found => found.Score).ToList(), objects);
        Assert.All(objects, found =>
        {
            Assert.InRange(found.Score, YoloxSceneDetector.ScoreFloor, 1f);
            Assert.True(found.Box.Area > 0);
            Assert.True(found.Box.X >= 0 && found.Box.Y >= 0);
            Assert.True(found.Box.X + found.Box.Width <= frame.Image.Width && found.Box.Y + found.Box.Height <= frame.Image.Height);
        });
    }

    [Fact]
    public void Finds_nothing_in_a_flat_frame()
    {
        var pixels = new byte[320 * 240 * 3];
        Array.Fill(pixels, (byte)90);

        var objects = PinnedImage.Use(pixels, 320, 240, 320 * 3, fixture.SceneDetector.Detect);

        Assert.Empty(objects);
    }

    [Fact]
    public void Rejects_a_frame_with_no_pixels()
    {
        Assert.Throws<ArgumentException>(() => fixture.SceneDetector.Detect(new BgrImage(640, 480, 640 * 3, IntPtr.Zero)));
    }

    private static bool Holds(FaceBox outer, FaceBox inner, float slack) =>
        inner.X >= outer.X - slack && inner.Y >= outer.Y - slack
        && inner.X + inner.Width <= outer.X + outer.Width + slack && inner.Y + inner.Height <= outer.Y + outer.Height + slack;

    private static bool Contains(FaceBox box, float x, float y) =>
        x >= box.X && x <= box.X + box.Width && y >= box.Y && y <= box.Y + box.Height;
}
