using Liveness.Abstractions;
using OpenCvSharp;

namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// Moiré and pixel-grid patterns on the face: a recaptured screen or halftone print lays a periodic pattern over the
/// skin, which shows as isolated peaks in the face's spectrum; skin and hair fall off smoothly with frequency.
/// </summary>
/// <remarks>
/// Measure: the strongest peak of the face's log-magnitude spectrum above the median of its own frequency ring, in
/// natural-log units, over 0.125-0.5 cycles per pixel. The face is taken at its own resolution where it is large
/// enough (a resize would blur the pattern away), windowed, and the two axes are left out: the window's leakage and
/// JPEG's 8-pixel block grid put lines there on any image.
/// </remarks>
internal static class MoireCue
{
    private const int PatchSize = 128;
    private const int LowestRing = PatchSize / 8;
    private const int HighestRing = PatchSize / 2;

    public static double Measure(Mat frame, FaceBox face)
    {
        var side = (int)Math.Min(Math.Min(face.Width, face.Height), Math.Min(frame.Width, frame.Height));
        if (side < 16)
        {
            return 0;
        }

        // The centre of the face, cheeks to chin: the skin, little hair and background.
        var patchSide = Math.Min(side, PatchSize * 2);
        var left = Math.Clamp((int)(face.X + face.Width / 2 - patchSide / 2.0), 0, frame.Width - patchSide);
        var top = Math.Clamp((int)(face.Y + face.Height / 2 - patchSide / 2.0), 0, frame.Height - patchSide);
        using var region = new Mat(frame, new Rect(left, top, patchSide, patchSide));
        using var gray = new Mat();
        Cv2.CvtColor(region, gray, ColorConversionCodes.BGR2GRAY);
        using var patch = new Mat();
        var centre = (patchSide - Math.Min(patchSide, PatchSize)) / 2;
        if (patchSide >= PatchSize)
        {
            using var middle = new Mat(gray, new Rect(centre, centre, PatchSize, PatchSize));
            middle.ConvertTo(patch, MatType.CV_32F);
        }
        else
        {
            using var enlarged = new Mat();
            Cv2.Resize(gray, enlarged, new Size(PatchSize, PatchSize), interpolation: InterpolationFlags.Linear);
            enlarged.ConvertTo(patch, MatType.CV_32F);
        }

        Cv2.Subtract(patch, Cv2.Mean(patch), patch);
        using var window = new Mat();
        Cv2.CreateHanningWindow(window, new Size(PatchSize, PatchSize), MatType.CV_32F);
        Cv2.Multiply(patch, window, patch);
        using var spectrum = new Mat();
        Cv2.Dft(patch, spectrum, DftFlags.ComplexOutput);
        Cv2.Split(spectrum, out var parts);
        using var real = parts[0];
        using var imaginary = parts[1];
        using var magnitude = new Mat();
        Cv2.Magnitude(real, imaginary, magnitude);

        return PeakAboveRing(magnitude);
    }

    private static double PeakAboveRing(Mat magnitude)
    {
        var rings = new List<double>[HighestRing + 1];
        var logs = new double[PatchSize, PatchSize];
        var values = magnitude.AsSpan<float>();
        for (var v = 0; v < PatchSize; v++)
        {
            for (var u = 0; u < PatchSize; u++)
            {
                var radius = Radius(u, v);
                logs[v, u] = Math.Log(values[v * PatchSize + u] + 1e-3);
                if (radius >= LowestRing && radius <= HighestRing && !OnAxis(u, v))
                {
                    (rings[radius] ??= []).Add(logs[v, u]);
                }
            }
        }

        var medians = rings.Select(ring => ring is null ? double.NaN : Quantile.Median(ring)).ToArray();
        var peak = 0.0;
        for (var v = 0; v < PatchSize; v++)
        {
            for (var u = 0; u < PatchSize; u++)
            {
                var radius = Radius(u, v);
                if (radius >= LowestRing && radius <= HighestRing && !OnAxis(u, v))
                {
                    peak = Math.Max(peak, logs[v, u] - medians[radius]);
                }
            }
        }

        return peak;
    }

    /// <summary>The ring of a DFT bin: its distance from zero frequency, the spectrum's corners wrapping around.</summary>
    private static int Radius(int u, int v)
    {
        var x = Math.Min(u, PatchSize - u);
        var y = Math.Min(v, PatchSize - v);
        return (int)Math.Round(Math.Sqrt(x * x + y * y));
    }

    private static bool OnAxis(int u, int v) => Math.Min(u, PatchSize - u) <= 1 || Math.Min(v, PatchSize - v) <= 1;
}
