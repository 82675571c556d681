using Liveness.Abstractions;
using Liveness.Host.Pipeline.Cues;
using OpenCvSharp;

namespace Liveness.Host.Pipeline;

/// <summary>How good a frame is for judging the face in it: sharp, large, frontal and well exposed, as one number in [0,1].</summary>
internal static class FrameQuality
{
    /// <summary>Faces are compared at this size, so sharpness does not simply reward resolution.</summary>
    private const int ProbeSize = 96;

    /// <summary>A face this tall (pixels) or taller counts as fully large.</summary>
    private const float FullHeight = 160;

    public static double Of(Mat frame, DetectedFace face)
    {
        var box = ImageRegion.Of(face.Box, frame.Width, frame.Height);
        if (box.Width < 2 || box.Height < 2)
        {
            return 0;
        }

        using var region = new Mat(frame, box);
        using var gray = new Mat();
        Cv2.CvtColor(region, gray, ColorConversionCodes.BGR2GRAY);
        using var probe = new Mat();
        Cv2.Resize(gray, probe, new Size(ProbeSize, ProbeSize), interpolation: InterpolationFlags.Area);
        using var laplacian = new Mat();
        Cv2.Laplacian(probe, laplacian, MatType.CV_64F);
        Cv2.MeanStdDev(laplacian, out _, out var deviation);
        var variance = deviation.Val0 * deviation.Val0;
        var sharpness = variance / (variance + 100);

        var size = Math.Min(1.0, face.Box.Height / FullHeight);
        var exposure = 1 - Math.Abs(Cv2.Mean(probe).Val0 - 128) / 128;
        return sharpness * size * Frontality(face) * exposure;
    }

    /// <summary>1 when the nose sits midway between the eyes, falling to 0 as the head turns to a profile.</summary>
    internal static double Frontality(DetectedFace face)
    {
        if (face.Keypoints.Count < 3)
        {
            return 0.5;
        }

        var (rightEye, leftEye, nose) = (face.Keypoints[0], face.Keypoints[1], face.Keypoints[2]);
        var eyeDistance = Math.Abs(leftEye.X - rightEye.X);
        if (eyeDistance < 1)
        {
            return 0;
        }

        var offset = Math.Abs(nose.X - (leftEye.X + rightEye.X) / 2) / eyeDistance;
        return Math.Max(0, 1 - 2 * offset);
    }
}
