using Liveness.Host.Pipeline.Cues;

namespace Liveness.Host.Pipeline;

/// <summary>
/// One classifier score for a face from its frame scores over the time it was seen: a low quantile of them
/// (<c>Fusion:ClassifierQuantile</c>, 0.25 by default; 0.5 is their median), by the pipeline's one rule
/// (<see cref="Quantile"/>), unless a stretch of its time is plainly an attack: the times the face was found again
/// (<see cref="FaceMotion.FoundAgainOf"/>) cut its time into stretches, each scores its most live frame divided by
/// <c>Fusion:ClassifierStretchShare</c> (0: stretches do not count), and the face scores the lowest of them all.
/// </summary>
/// <remarks>
/// The first quartile lets a sustained stretch of spoof evidence reject a face however live the rest of the video
/// looks (the seconds before a replay's screen fills the view: once a quarter of the face's time scores low, so does
/// the face), while one blurred or odd frame of a live face does not count: with five frames or more the quartile
/// lies at or above the second lowest, and it moves by at most a quarter of the gap to the next for each further odd
/// frame. A screen or a print held over the face for its first or last second, or for one second between, is less
/// than a quarter of its time; but the face is found again there (its corners lost through a step, as when another
/// picture takes their place, or the face out of view for a moment), and the frame it is found again in is classified
/// too (on the request's second thread, up to <c>Pipeline:FoundAgainFrames</c>; the quartile stays that of the evenly
/// spread frames, which such odd moments would pull down).
/// A stretch counts by its most live frame, so that every frame of it must be an attack's, and at a bar far below the
/// classifier's odd frames of a live face (docs/accuracy.md). Long stretches that low already make a low quartile.
/// </remarks>
internal static class TemporalScore
{
    /// <param name="spread">The face's frames classified evenly over its time (<see cref="FrameCoverage"/>), in time order: the quantile's.</param>
    /// <param name="foundAgain">The container times the face was found again at, in time order; each begins a stretch.</param>
    /// <param name="foundAgainFrames">The frames it was found again in that were classified.</param>
    /// <returns>The face's score, and the stretch that made it when one scored lower than the quantile.</returns>
    public static (double Score, ClassifiedStretch? Stretch) Of(
        IReadOnlyList<FrameScore> spread, IReadOnlyList<double> foundAgain, IReadOnlyList<FrameScore> foundAgainFrames, double quantile, double stretchShare)
    {
        var whole = Quantile.Of([.. spread.Select(frame => frame.Score)], quantile);
        if (stretchShare <= 0)
        {
            return (whole, null);
        }

        var lowest = Classified(spread, foundAgainFrames)
            .GroupBy(frame => StretchOf(frame.Seconds, foundAgain))
            .Select(stretch => new ClassifiedStretch(stretch.First().Seconds, stretch.Last().Seconds, stretch.Count(), stretch.Max(frame => frame.Score)))
            .MinBy(stretch => stretch.MostLive);
        return lowest is not null && lowest.MostLive / stretchShare < whole ? (lowest.MostLive / stretchShare, lowest) : (whole, null);
    }

    /// <summary>
    /// Every classified frame of a face in time order, each once: a frame the face was found again in may be one
    /// the spread classified as well (the second thread cannot know), with the same container time.
    /// </summary>
    public static IReadOnlyList<FrameScore> Classified(IReadOnlyList<FrameScore> spread, IReadOnlyList<FrameScore> foundAgainFrames) =>
        [.. spread.Concat(foundAgainFrames).DistinctBy(frame => frame.Seconds).OrderBy(frame => frame.Seconds)];

    /// <summary>
    /// Which stretch a frame lies in: the number of times the face was found again at or before it (the container
    /// times of the frames themselves, so compared exactly).
    /// </summary>
    public static int StretchOf(double seconds, IReadOnlyList<double> foundAgain) => foundAgain.Count(found => found <= seconds);
}
