namespace Liveness.Host.Pipeline;

/// <summary>
/// When to classify a face so that its scores cover the whole time it is visible, at a bounded cost: one frame every
/// <c>interval</c> seconds; when a score would make more than <c>capacity</c>, every other one is dropped and the
/// interval doubles, so the kept scores stay evenly spread over any length of video (a 5 s clip keeps one every 0.5 s,
/// a minute one every 8 s) and a video costs about capacity × (1 + log2(length / (capacity × interval)) / 2) classifications.
/// </summary>
internal sealed class FrameCoverage(double intervalSeconds, int capacity)
{
    private readonly List<FrameScore> scores = [];
    private double interval = intervalSeconds;
    private double next = double.NegativeInfinity;

    /// <summary>The kept scores, in time order.</summary>
    public IReadOnlyList<FrameScore> Scores => scores;

    /// <summary>Whether a frame of this face at this time should be classified.</summary>
    public bool Wants(double seconds) => seconds >= next - 1e-6;

    public void Add(double seconds, double score)
    {
        scores.Add(new FrameScore(seconds, score));
        next = seconds + interval;
        if (scores.Count <= capacity)
        {
            return;
        }

        // Keep the first and every other one after it: the same spread at twice the interval.
        for (var i = 1; i < (scores.Count + 1) / 2; i++)
        {
            scores[i] = scores[2 * i];
        }

        scores.RemoveRange((scores.Count + 1) / 2, scores.Count - (scores.Count + 1) / 2);
        interval *= 2;
        next = scores[^1].Seconds + interval;
    }
}

/// <summary>A reading of the frame at a container time: the classifier's live probability of a face, or the device-in-view measure.</summary>
public readonly record struct FrameScore(double Seconds, double Score);
