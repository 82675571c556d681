using Liveness.Host.Pipeline.Cues;

namespace Liveness.Host.Pipeline;

/// <summary>
/// Why a video scored as it did: the faces judged with the classifier's scores of each over time, the number of faces
/// tracked, and what each cue measured and took off. Internal: it is logged and read by tools/Eval; the public answer
/// stays the contract's.
/// </summary>
/// <param name="Classifier">The least live judged face's <see cref="TemporalScore"/>, before calibration and cues.</param>
internal sealed record DecisionDetails(
    double Score, double Classifier, int FacesTracked, IReadOnlyList<JudgedFace> Faces, IReadOnlyList<CueReading> Cues)
{
    /// <summary>One line for the log: <c>Score 0.0006: classifier 0.9975 of 2 tracked; face 1: 0.9975 (0.0 0.9981, 0.5 0.9975 ...); cues glare=0/0 ...</c>.</summary>
    public override string ToString()
    {
        var faces = Faces.Select(face => FormattableString.Invariant(
            $"face {face.Track}: {face.Score:0.0000} ({string.Join(", ", face.Frames.Select(frame => FormattableString.Invariant($"{frame.Seconds:0.0} {frame.Score:0.0000}")))})"));
        var cues = Cues.Select(cue => FormattableString.Invariant($"{cue.Cue}={cue.Measure:0.####}/{cue.Penalty:0.##}"));
        return FormattableString.Invariant($"Score {Score:0.0000}: classifier {Classifier:0.0000} of {FacesTracked} tracked; {string.Join("; ", faces)}; cues {string.Join(' ', cues)}");
    }
}

/// <summary>One face judged: its track, the classifier's scores of its frames in time order, and the score they make.</summary>
internal sealed record JudgedFace(int Track, IReadOnlyList<FrameScore> Frames, double Score)
{
    public static JudgedFace Of(int track, IReadOnlyList<FrameScore> frames, double quantile) =>
        new(track, frames, TemporalScore.Of(frames.Select(frame => frame.Score).ToArray(), quantile));
}
