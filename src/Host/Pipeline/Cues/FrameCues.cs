using Liveness.Abstractions;
using OpenCvSharp;

namespace Liveness.Host.Pipeline.Cues;

/// <summary>The cues one still frame shows (a border, moiré, glare), each read as the median over the frames given.</summary>
internal static class FrameCues
{
    public static IEnumerable<CueReading> Read(IReadOnlyList<(Mat Image, FaceBox Face)> frames, FusionOptions options)
    {
        if (frames.Count == 0)
        {
            yield break;
        }

        if (options.ScreenBorder.Enabled)
        {
            yield return CueReading.Of(CueName.ScreenBorder, Median(frames, ScreenBorderCue.Measure), options.ScreenBorder, softness: 0.1);
        }

        if (options.Moire.Enabled)
        {
            yield return CueReading.Of(CueName.Moire, Median(frames, MoireCue.Measure), options.Moire, softness: 0.25);
        }

        if (options.Glare.Enabled)
        {
            yield return CueReading.Of(CueName.Glare, Median(frames, GlareCue.Measure), options.Glare, softness: 0.02);
        }
    }

    private static double Median(IReadOnlyList<(Mat Image, FaceBox Face)> frames, Func<Mat, FaceBox, double> measure) =>
        Quantile.Median(frames.Select(frame => measure(frame.Image, frame.Face)).ToArray());
}
