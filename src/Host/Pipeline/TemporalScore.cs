using Liveness.Host.Pipeline.Cues;

namespace Liveness.Host.Pipeline;

/// <summary>
/// One classifier score for a face from its frame scores over the time it was seen: a low quantile of them
/// (<c>Fusion:ClassifierQuantile</c>, 0.25 by default; 0.5 is their median), by the pipeline's one rule (<see cref="Quantile"/>).
/// </summary>
/// <remarks>
/// The first quartile lets a sustained stretch of spoof evidence reject a face however live the rest of the video
/// looks (the seconds before a replay's screen fills the view: once a quarter of the face's time scores low, so does
/// the face), while one blurred or odd frame of a live face does not count: with five frames or more the quartile
/// lies at or above the second lowest, and it moves by at most a quarter of the gap to the next for each further odd
/// frame. Stretches were tried and measured worse (docs/accuracy.md): a live person turning away for three seconds
/// makes a low stretch as surely as a replay does.
/// </remarks>
internal static class TemporalScore
{
    public static double Of(IReadOnlyList<double> scores, double quantile) => Quantile.Of(scores, quantile);
}
