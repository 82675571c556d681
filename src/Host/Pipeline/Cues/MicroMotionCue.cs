namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// The small non-rigid motions of a live face (blinks, the mouth, a head turning in depth), which a print or a
/// photo on a screen cannot make: between two frames its corners move exactly as one homography.
/// </summary>
/// <remarks>
/// Measure: the 90th percentile over a face's steps of its own residual (how far its corners are from its best
/// homography, in face widths): one blink or word in the video is enough. Low is rigid. With fewer than five steps
/// it is 0, no motion: a face that could not be followed long enough to see it move (a photo sent as frames seconds
/// apart, each a track of its own) shows nothing live, and fails closed.
/// </remarks>
internal static class MicroMotionCue
{
    private const int MinSteps = 5;

    public static double Measure(IReadOnlyList<MotionStep> steps) =>
        steps.Count < MinSteps ? 0 : Quantile.Of(steps.Select(step => step.FaceResidual).ToArray(), 0.9);
}
