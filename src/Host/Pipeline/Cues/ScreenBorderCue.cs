using Liveness.Abstractions;
using OpenCvSharp;

namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// A screen's bezel or a print's edge around the face: a closed four-sided outline that holds the whole face and is
/// clearly smaller than the frame. A live head has no such frame of its own: its neck and shoulders break any outline
/// behind it (a door, a window, a picture).
/// </summary>
/// <remarks>Measure: 1 when such an outline is found, else 0; over several frames, the fraction of them that have one.</remarks>
internal static class ScreenBorderCue
{
    /// <summary>The frame is searched at this size (longer side, pixels): outlines are large, detail only adds edges.</summary>
    private const int SearchSize = 320;

    /// <summary>The outline holds at least this many times the face's area: a face box alone is not a screen.</summary>
    private const double MinAreaOverFace = 1.8;

    /// <summary>The outline covers at most this share of the frame: a screen filling the frame leaves no bezel to see.</summary>
    private const double MaxAreaOfFrame = 0.8;

    public static double Measure(Mat frame, FaceBox face)
    {
        var scale = Math.Min(1.0, (double)SearchSize / Math.Max(frame.Width, frame.Height));
        using var small = new Mat();
        Cv2.Resize(frame, small, new Size(Math.Max(1, (int)Math.Round(frame.Width * scale)), Math.Max(1, (int)Math.Round(frame.Height * scale))),
            interpolation: InterpolationFlags.Area);
        using var gray = new Mat();
        Cv2.CvtColor(small, gray, ColorConversionCodes.BGR2GRAY);
        Cv2.GaussianBlur(gray, gray, new Size(3, 3), 0);
        using var edges = new Mat();
        Cv2.Canny(gray, edges, 40, 120);
        using var kernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(3, 3));
        Cv2.Dilate(edges, edges, kernel);

        var faceArea = face.Area * scale * scale;
        var frameArea = (double)small.Width * small.Height;
        var corners = new[]
        {
            new Point2f((float)(face.X * scale), (float)(face.Y * scale)),
            new Point2f((float)((face.X + face.Width) * scale), (float)(face.Y * scale)),
            new Point2f((float)(face.X * scale), (float)((face.Y + face.Height) * scale)),
            new Point2f((float)((face.X + face.Width) * scale), (float)((face.Y + face.Height) * scale)),
        };

        Cv2.FindContours(edges, out var contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxSimple);
        foreach (var contour in contours)
        {
            var area = Cv2.ContourArea(contour);
            if (area < MinAreaOverFace * faceArea || area > MaxAreaOfFrame * frameArea)
            {
                continue;
            }

            var outline = Cv2.ApproxPolyDP(contour, 0.03 * Cv2.ArcLength(contour, closed: true), closed: true);
            if (outline.Length == 4 && Cv2.IsContourConvex(outline)
                && corners.All(corner => Cv2.PointPolygonTest(outline, corner, measureDist: false) >= 0))
            {
                return 1;
            }
        }

        return 0;
    }
}
