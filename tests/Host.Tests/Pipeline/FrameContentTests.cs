using Liveness.Host.Pipeline;
using OpenCvSharp;

namespace Liveness.Host.Tests.Pipeline;

/// <summary><see cref="FrameContent"/> on a real live frame, letterboxed and pillarboxed with black bars that carry codec noise.</summary>
public sealed class FrameContentTests
{
    [Fact]
    public void The_picture_inside_black_bars_is_found_to_the_pixel()
    {
        using var frame = Cv2.ImRead(SharedFiles.Sample("frames/vid_lestari15_real_f0.png"));
        using var picture = new Mat();
        Cv2.Resize(frame, picture, new Size(600, 400));
        using var boxed = new Mat(new Size(640, 480), MatType.CV_8UC3, Scalar.All(0));
        // Codec noise in the bars: dark, but not black (gray 24 at most).
        using var noise = new Mat(boxed.Size(), MatType.CV_8UC3);
        Cv2.Randu(noise, Scalar.All(0), Scalar.All(25));
        noise.CopyTo(boxed);
        picture.CopyTo(boxed[new Rect(17, 41, 600, 400)]);

        Assert.Equal(new Rect(17, 41, 600, 400), FrameContent.Of(boxed));
        Assert.Equal(new Rect(0, 0, 600, 400), FrameContent.Of(picture));
    }

    [Fact]
    public void A_frame_that_is_all_bar_is_taken_whole()
    {
        using var dark = new Mat(new Size(320, 240), MatType.CV_8UC3, Scalar.All(20));

        Assert.Equal(new Rect(0, 0, 320, 240), FrameContent.Of(dark));
    }
}
