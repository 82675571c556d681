using Liveness.Host.Pipeline;
using OpenCvSharp;

namespace Liveness.Host.Tests.Pipeline;

/// <summary>
/// <see cref="CameraShift"/> on a real live frame (lestari15_real at 1.3x, as <c>live_jolt.mp4</c> frames it) seen
/// through a 1080x720 window: the window moved (a camera jolted), a face pasted in over a still background (a face
/// moved alone), and another picture altogether.
/// </summary>
public sealed class CameraShiftTests
{
    [Fact]
    public void A_camera_moved_over_a_still_scene_is_one_translation_of_the_picture()
    {
        using var scene = Scene();
        using var before = new Mat(scene, new Rect(0, 108, 1080, 720));
        using var after = new Mat(scene, new Rect(324, 108, 1080, 720));
        using var camera = new CameraShift();

        camera.Remember(before);
        var shift = camera.Since(after);

        Assert.NotNull(shift);
        Assert.InRange(shift.Value.X, -324 - 14, -324 + 14);
        Assert.InRange(shift.Value.Y, -14, 14);
    }

    /// <summary>A face that moved 400 px over a background that stayed: whatever the picture says, it is not that move.</summary>
    [Fact]
    public void A_face_pasted_in_over_a_still_background_is_not_the_picture_moving_with_it()
    {
        using var scene = Scene();
        using var before = new Mat(scene, new Rect(0, 108, 1080, 720)).Clone();
        using var after = before.Clone();
        using var other = Cv2.ImRead(SharedFiles.Sample("frames/vid_tranvanluyt220_real_f0.png"));
        using var face = new Mat();
        Cv2.Resize(other, face, new Size(400, 500));
        face.CopyTo(after[new Rect(40, 110, 400, 500)]);
        using var camera = new CameraShift();

        camera.Remember(before);
        var shift = camera.Since(after);

        Assert.True(shift is null || Math.Abs(shift.Value.X) < 40, $"shift {shift}");
    }

    [Fact]
    public void Another_picture_altogether_or_one_of_another_size_is_no_translation()
    {
        using var scene = Scene();
        using var before = new Mat(scene, new Rect(0, 108, 1080, 720));
        using var other = Cv2.ImRead(SharedFiles.Sample("frames/vid_tranvanluyt220_real_f0.png"));
        using var otherSized = new Mat();
        Cv2.Resize(other, otherSized, new Size(1080, 720));
        using var smaller = new Mat();
        Cv2.Resize(before, smaller, new Size(540, 360));
        using var camera = new CameraShift();

        Assert.Null(camera.Since(before));
        camera.Remember(before);
        Assert.Null(camera.Since(otherSized));
        Assert.Null(camera.Since(smaller));
    }

    private static Mat Scene()
    {
        using var frame = Cv2.ImRead(SharedFiles.Sample("frames/vid_lestari15_real_f0.png"));
        var scene = new Mat();
        Cv2.Resize(frame, scene, new Size(1404, 936));
        return scene;
    }
}
