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

    public static Rect Of(Mat frame)
    {
        using var gray = new Mat();
        Cv2.CvtColor(frame, gray, ColorConversionCodes.BGR2GRAY);
        var (top, bottom) = Span(gray, ReduceDimension.Column);
        var (left, right) = Span(gray, ReduceDimension.Row);
        return right <= left || bottom <= top ? new Rect(0, 0, frame.Width, frame.Height) : new Rect(left, top, right - left, bottom - top);
    }

    /// <summary>The face box in the coordinates of the content area.</summary>
    public static FaceBox Within(FaceBox face, Rect content) => face with { X = face.X - content.X, Y = face.Y - content.Y };

    /// <summary>The first and one past the last row (or column) that is not a bar.</summary>
    private static (int First, int End) Span(Mat gray, ReduceDimension dimension)
    {
        using var brightest = new Mat();
        Cv2.Reduce(gray, brightest, dimension, ReduceTypes.Max, MatType.CV_8U);
        brightest.GetArray(out byte[] values);
        var first = Array.FindIndex(values, value => value > BarLevel);
        var last = Array.FindLastIndex(values, value => value > BarLevel);
        return first < 0 ? (0, 0) : (first, last + 1);
    }
}
