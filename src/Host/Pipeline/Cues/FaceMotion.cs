using Liveness.Abstractions;
using OpenCvSharp;

namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// How the face and what surrounds it moved between consecutive sampled frames: corners tracked with pyramidal
/// Lucas-Kanade inside the face and in a ring around it, and the homography that best carries the face's corners.
/// A flat thing (a print, a screen) moves exactly as one homography; a live head turning and talking does not.
/// </summary>
internal sealed class FaceMotion : IDisposable
{
    /// <summary>Frames are tracked at this size (longer side, pixels) at most.</summary>
    private const int TrackSize = 480;

    private const int MinPoints = 8;

    private readonly List<MotionStep> steps = [];
    private Mat? previous;
    private FaceBox previousFace;
    private double scale;

    public IReadOnlyList<MotionStep> Steps => steps;

    /// <summary>Takes a sampled frame and the main face in it (null when none was found, which breaks the chain).</summary>
    public void Observe(Mat frame, FaceBox? face)
    {
        if (face is not { } box)
        {
            previous?.Dispose();
            previous = null;
            return;
        }

        if (scale == 0)
        {
            scale = Math.Min(1.0, (double)TrackSize / Math.Max(frame.Width, frame.Height));
        }

        var gray = new Mat();
        using (var small = new Mat())
        {
            Cv2.Resize(frame, small, new Size((int)Math.Round(frame.Width * scale), (int)Math.Round(frame.Height * scale)),
                interpolation: InterpolationFlags.Area);
            Cv2.CvtColor(small, gray, ColorConversionCodes.BGR2GRAY);
        }

        var scaled = new FaceBox((float)(box.X * scale), (float)(box.Y * scale), (float)(box.Width * scale), (float)(box.Height * scale));
        if (previous is not null && Step(previous, gray, previousFace) is { } step)
        {
            steps.Add(step);
        }

        previous?.Dispose();
        previous = gray;
        previousFace = scaled;
    }

    public void Dispose() => previous?.Dispose();

    private static MotionStep? Step(Mat before, Mat after, FaceBox face)
    {
        var width = (double)face.Width;
        var facePoints = Track(before, after, Inner(face, before.Size()), exclude: null);
        if (facePoints.Before.Length < MinPoints || width < 16)
        {
            return null;
        }

        using var homography = Cv2.FindHomography(
            facePoints.Before.Select(Double), facePoints.After.Select(Double), HomographyMethods.Ransac, 0.02 * width);
        if (homography.Empty())
        {
            return null;
        }

        var motion = Percentile(Distances(facePoints.Before, facePoints.After), 0.5) / width;
        var faceResidual = Percentile(Distances(Project(homography, facePoints.Before), facePoints.After), 0.75) / width;
        var ringPoints = Track(before, after, Expand(face, 2.2, before.Size()), exclude: Expand(face, 1.2, before.Size()));
        double? ringResidual = ringPoints.Before.Length < MinPoints
            ? null
            : Percentile(Distances(Project(homography, ringPoints.Before), ringPoints.After), 0.5) / width;
        return new MotionStep(motion, faceResidual, ringResidual);
    }

    private static (Point2f[] Before, Point2f[] After) Track(Mat before, Mat after, Rect region, Rect? exclude)
    {
        using var mask = new Mat(before.Size(), MatType.CV_8UC1, Scalar.All(0));
        mask[region].SetTo(Scalar.All(255));
        if (exclude is { } hole)
        {
            mask[hole].SetTo(Scalar.All(0));
        }

        var corners = Cv2.GoodFeaturesToTrack(before, 80, 0.01, 3, mask, 3, false, 0.04);
        if (corners.Length < MinPoints)
        {
            return ([], []);
        }

        var moved = Array.Empty<Point2f>();
        Cv2.CalcOpticalFlowPyrLK(before, after, corners, ref moved, out var status, out _, new Size(15, 15), 2);
        var kept = Enumerable.Range(0, corners.Length).Where(i => status[i] == 1).ToArray();
        return (kept.Select(i => corners[i]).ToArray(), kept.Select(i => moved[i]).ToArray());
    }

    private static Point2f[] Project(Mat homography, Point2f[] points) =>
        Cv2.PerspectiveTransform(points, homography);

    private static double[] Distances(Point2f[] from, Point2f[] to) =>
        from.Zip(to, (a, b) => (double)Point2f.Distance(a, b)).ToArray();

    private static double Percentile(double[] values, double fraction)
    {
        var sorted = values.Order().ToArray();
        return sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(fraction * sorted.Length))];
    }

    private static Point2d Double(Point2f point) => new(point.X, point.Y);

    /// <summary>The face without its outer tenth on each side, where the background shows through.</summary>
    private static Rect Inner(FaceBox face, Size size) => Clip(
        face.X + 0.1 * face.Width, face.Y + 0.1 * face.Height, 0.8 * face.Width, 0.8 * face.Height, size);

    private static Rect Expand(FaceBox face, double factor, Size size) => Clip(
        face.X + face.Width / 2 * (1 - factor), face.Y + face.Height / 2 * (1 - factor), face.Width * factor, face.Height * factor, size);

    private static Rect Clip(double x, double y, double width, double height, Size size)
    {
        var left = Math.Clamp((int)x, 0, size.Width);
        var top = Math.Clamp((int)y, 0, size.Height);
        var right = Math.Clamp((int)Math.Ceiling(x + width), left, size.Width);
        var bottom = Math.Clamp((int)Math.Ceiling(y + height), top, size.Height);
        return new Rect(left, top, right - left, bottom - top);
    }
}
