using Liveness.Abstractions;
using OpenCvSharp;

namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// Specular glare on the face: a glossy print or a screen reflects a lamp as one large, flat, colourless patch, where
/// skin shows at most small highlights on the forehead and nose.
/// </summary>
/// <remarks>Measure: the largest connected patch of near-white pixels (value ≥ 245, saturation ≤ 40) as a share of the face's area.</remarks>
internal static class GlareCue
{
    private const int MinValue = 245;
    private const int MaxSaturation = 40;

    public static double Measure(Mat frame, FaceBox face)
    {
        var box = ImageRegion.Of(face, frame.Width, frame.Height);
        if (box.Width < 2 || box.Height < 2)
        {
            return 0;
        }

        using var region = new Mat(frame, box);
        using var hsv = new Mat();
        Cv2.CvtColor(region, hsv, ColorConversionCodes.BGR2HSV);
        using var glare = new Mat();
        Cv2.InRange(hsv, new Scalar(0, 0, MinValue), new Scalar(180, MaxSaturation, 255), glare);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var count = Cv2.ConnectedComponentsWithStats(glare, labels, stats, centroids);
        var largest = 0;
        for (var label = 1; label < count; label++)
        {
            largest = Math.Max(largest, stats.At<int>(label, (int)ConnectedComponentsTypes.Area));
        }

        return (double)largest / (box.Width * box.Height);
    }
}
