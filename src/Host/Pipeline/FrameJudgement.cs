using Liveness.Host.Pipeline.Cues;

namespace Liveness.Host.Pipeline;

/// <summary>
/// What <see cref="LivenessPipeline.JudgeFrame"/> concluded about one still image: its calibrated score and decision
/// with the cues read on it, or why it could not be judged (no face, or one too small to classify).
/// </summary>
public sealed record FrameJudgement(LivenessStatus? Status, double Score, IReadOnlyList<CueReading> Cues, string? Unjudged)
{
    public static FrameJudgement Decided(LivenessStatus status, double score, IReadOnlyList<CueReading> cues) => new(status, score, cues, null);

    public static FrameJudgement NotJudged(string reason) => new(null, 0, [], reason);
}
