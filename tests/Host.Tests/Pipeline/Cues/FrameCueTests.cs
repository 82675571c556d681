using Liveness.Abstractions;
using Liveness.Host.Pipeline.Cues;
using OpenCvSharp;

namespace Liveness.Host.Tests.Pipeline.Cues;

/// <summary>The still-frame cues on a real face (a shared live frame) with an attack's trace drawn on it or not.</summary>
public sealed class FrameCueTests
{
    /// <summary>A live webcam frame of the shared samples; the face fills the middle of it.</summary>
    private const string LiveFrame = "frames/deb_forensics_hello_f0.png";

    [Fact]
    public void A_phone_bezel_around_the_face_is_a_screen_border_and_the_live_scene_has_none()
    {
        using var live = Cv2.ImRead(SharedFiles.Sample(LiveFrame));
        var face = CentralFace(live);
        using var phone = InPhone(live, out var faceInPhone);

        Assert.Equal(0, ScreenBorderCue.Measure(live, face));
        Assert.Equal(1, ScreenBorderCue.Measure(phone, faceInPhone));
    }

    [Fact]
    public void A_lamp_reflected_on_the_face_is_glare_and_skin_is_not()
    {
        using var live = Cv2.ImRead(SharedFiles.Sample(LiveFrame));
        var face = CentralFace(live);
        using var glossy = live.Clone();
        var centre = new Point(face.X + face.Width / 2, face.Y + face.Height / 2);
        Cv2.Ellipse(glossy, centre, new Size(face.Width / 4, face.Height / 5), 30, 0, 360, Scalar.All(255), -1);

        Assert.True(GlareCue.Measure(live, face) < 0.05, $"live {GlareCue.Measure(live, face)}");
        Assert.InRange(GlareCue.Measure(glossy, face), 0.12, 0.25);
    }

    [Fact]
    public void A_screen_grid_over_the_face_peaks_in_its_spectrum()
    {
        using var live = Cv2.ImRead(SharedFiles.Sample(LiveFrame));
        var face = CentralFace(live);
        using var recaptured = live.Clone();
        // A fine diagonal grating, as a screen's pixel grid beats with the camera's sensor.
        var (rows, columns) = (recaptured.Rows, recaptured.Cols);
        for (var y = 0; y < rows; y++)
        {
            for (var x = 0; x < columns; x++)
            {
                var shade = (int)(18 * Math.Sin(2 * Math.PI * (0.23 * x + 0.11 * y)));
                var pixel = recaptured.At<Vec3b>(y, x);
                recaptured.Set(y, x, new Vec3b(Shade(pixel.Item0, shade), Shade(pixel.Item1, shade), Shade(pixel.Item2, shade)));
            }
        }

        var before = MoireCue.Measure(live, face);
        var after = MoireCue.Measure(recaptured, face);
        Assert.True(after > before + 2, $"live {before}, with a grid {after}");
    }

    /// <summary>The face of <see cref="LiveFrame"/>, as marked by eye: forehead to chin, ear to ear.</summary>
    private static FaceBox CentralFace(Mat frame)
    {
        Assert.Equal(new Size(252, 188), frame.Size());
        return new FaceBox(72, 40, 80, 95);
    }

    /// <summary>The frame shrunk onto a phone's screen: a dark bezel, held over a plain wall.</summary>
    private static Mat InPhone(Mat frame, out FaceBox face)
    {
        var canvas = new Mat(480, 640, MatType.CV_8UC3, new Scalar(180, 190, 200));
        Cv2.Rectangle(canvas, new Rect(180, 90, 280, 220), new Scalar(25, 25, 25), -1);
        using var screen = new Mat();
        Cv2.Resize(frame, screen, new Size(252, 188));
        screen.CopyTo(canvas[new Rect(194, 106, 252, 188)]);
        face = new FaceBox(194 + 72, 106 + 40, 80, 95);
        return canvas;
    }

    private static byte Shade(byte value, int by) => (byte)Math.Clamp(value + by, 0, 255);
}
