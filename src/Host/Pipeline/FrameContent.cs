using Liveness.Abstractions;
using OpenCvSharp;

namespace Liveness.Host.Pipeline;

/// <summary>
/// The picture inside a frame's black bars (a letterboxed or pillarboxed video), which is what the classifier
/// should see: its crop around the face reaches up to four face sizes and is shifted to lie inside the image, so
/// in a letterboxed frame it takes in straight black edges, which look like a screen's bezel to it (a live person
/// in a letterboxed clip scored 0.74 instead of 1.0 and was close to rejected).
/// </summary>
internal static class FrameContent
{
    /// <summary>A row or column is a bar when none of its pixels is brighter than this (8-bit gray): black with codec noise.</summary>
    private const int BarLevel = 24;

    /// <summary>The rows and columns from the first to the last one holding a pixel brighter than a bar; the whole frame when none does.</summary>
    public static Rect Of(Mat frame)
    {
        using var gray = new Mat();
        Cv2.CvtColor(frame, gray, ColorConversionCodes.BGR2GRAY);
        using var bright = new Mat();
        Cv2.Threshold(gray, bright, BarLevel, 255, ThresholdTypes.Binary);
        var content = Cv2.BoundingRect(bright);
        return content.Width == 0 || content.Height == 0 ? new Rect(0, 0, frame.Width, frame.Height) : content;
    }

    /// <summary>The face box in the coordinates of the content area.</summary>
    public static FaceBox Within(FaceBox face, Rect content) => face with { X = face.X - content.X, Y = face.Y - content.Y };
}
