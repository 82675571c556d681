namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// The face moving as one plane with what surrounds it: a hand-held print or phone carries its margin, bezel and
/// fingers along with the face, exactly as one homography. A live head moves against its background, which is
/// further away (parallax) or still.
/// </summary>
/// <remarks>
/// Measure: over the steps in which the face moved at least 1% of its width, the median distance of the ring's
/// corners from where the face's homography puts them, in face widths. Low is planar. Null (no reading) with fewer
/// than three such steps: a face that does not move says nothing about planes.
/// </remarks>
internal static class PlanarMotionCue
{
    private const double MinMotion = 0.01;
    private const int MinSteps = 3;

    public static double? Measure(IReadOnlyList<MotionStep> steps)
    {
        var residuals = steps
            .Where(step => step.Motion >= MinMotion && step.RingResidual is not null)
            .Select(step => step.RingResidual!.Value)
            .ToArray();
        return residuals.Length < MinSteps ? null : Quantile.Median(residuals);
    }
}
