namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// The small non-rigid motions of a live face (blinks, the mouth, a head turning in depth), which a print or a
/// photo on a screen cannot make: between two frames its corners move exactly as one homography.
/// </summary>
/// <remarks>
/// Measure: the 90th percentile over all steps of the face's own residual (how far its corners are from its best
/// homography, in face widths): one blink or word in the video is enough. Low is rigid. Null (no reading) with
/// fewer than five steps.
/// </remarks>
internal static class MicroMotionCue
{
    private const int MinSteps = 5;

    public static double? Measure(IReadOnlyList<MotionStep> steps)
    {
        if (steps.Count < MinSteps)
        {
            return null;
        }

        return Quantile.Of(steps.Select(step => step.FaceResidual).ToArray(), 0.9);
    }
}
