using Liveness.Host.Pipeline;
using Liveness.Host.Pipeline.Cues;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Audit;

/// <summary>Why a decision came out as it did, in the reasons people read and the labels the rejection metric counts.</summary>
internal sealed class DecisionExplainer(IOptions<PipelineOptions> pipelineOptions, IOptions<FusionOptions> fusionOptions)
{
    /// <summary>A cue counts as a reason once it is at least half sure of an attack: its measure is past its threshold.</summary>
    private const double ReasonEvidence = 0.5;

    private readonly PipelineOptions pipeline = pipelineOptions.Value;
    private readonly FusionOptions fusion = fusionOptions.Value;

    public double Threshold => pipeline.PassThreshold;

    /// <summary>The classifier's score calibrated, before the cues took their share.</summary>
    public double BeforeCues(DecisionDetails details) => ScoreFusion.Fuse(details.Classifier, [], fusion);

    /// <summary>
    /// The reasons of a decision. A rejection always has one: the classifier when its calibrated score alone fails, each
    /// cue past its threshold, and failing both the cue that took off most (several cues short of their thresholds).
    /// </summary>
    public IReadOnlyList<DecisionReason> Explain(LivenessDecision decision, RequestTrace trace)
    {
        if (decision.Status == LivenessStatus.ShortTime || decision.Details is not { } details)
        {
            return [ShortTime(trace)];
        }

        var beforeCues = BeforeCues(details);
        var judged = details.Faces.MinBy(face => face.Score)!;
        var which = details.Faces.Count > 1 ? DecisionReason.Invariant($"face {judged.Track}, the least live of {details.Faces.Count} judged faces,") : "the face";
        var frames = judged.Stretch is { } stretch
            ? DecisionReason.Invariant(
                $"{Frames(stretch.Frames)} from {stretch.FromSeconds:0.0} s to {stretch.ToSeconds:0.0} s, a stretch between the times it was found again, the most live {stretch.MostLive:0.####}")
            : Frames(judged.Frames.Count);
        var classifierPasses = pipeline.Passes(beforeCues);
        var classifier = new DecisionReason(DecisionReason.Classifier, classifierPasses
            ? DecisionReason.Invariant($"the classifier found {which} live: {details.Classifier:0.####} over {frames}, {beforeCues:0.####} calibrated")
            : DecisionReason.Invariant(
                $"the classifier found {which} an attack: {details.Classifier:0.####} over {frames}, {beforeCues:0.####} calibrated, under the threshold {Threshold:0.##}"));
        var cues = details.Cues.Where(cue => cue.Evidence >= ReasonEvidence).Select(DecisionReason.Of).ToList();
        if (decision.Passed || !classifierPasses || details.Cues.Count == 0)
        {
            // A pass keeps the classifier's reading first, then any cue that fired without rejecting it.
            return [classifier, .. cues];
        }

        // The classifier passed the face and the cues rejected it; cues that each stayed short of their threshold
        // are stood for by the one that took off most.
        return cues.Count > 0 ? cues : [DecisionReason.Of(details.Cues.MaxBy(cue => cue.Penalty))];
    }

    private static string Frames(int count) => DecisionReason.Invariant($"{count} classified frame{(count == 1 ? "" : "s")}");

    private DecisionReason ShortTime(RequestTrace trace) => new(DecisionReason.ShortTime,
        trace.FaceSeconds is { } seen && seen >= pipeline.MinFaceSeconds
            ? DecisionReason.Invariant($"no face was at least {pipeline.MinFaceWidth} px wide, as classification needs")
            : DecisionReason.Invariant(
                $"a face was in view for {trace.FaceSeconds ?? 0:0.0} s of the video's {trace.VideoSeconds ?? 0:0.0} s, under the {pipeline.MinFaceSeconds:0.#} s needed"));
}
