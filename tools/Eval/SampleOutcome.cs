using Liveness.Host.Pipeline;
using Liveness.Host.Pipeline.Cues;

namespace Liveness.Tools.Eval;

/// <summary>What measuring one sample came to: a score and a decision, or the reason it could not be measured.</summary>
/// <param name="Status">The contract's <c>liveness_status</c> (<c>ok</c>, <c>hack</c>, <c>short_time</c>), or <c>failed</c>.</param>
/// <param name="Cues">What each cue measured and took off.</param>
/// <param name="Details">For a video the pipeline judged, its faces and their frame scores over time (not in the API's answer).</param>
internal sealed record SampleOutcome(
    Sample Sample, double? Score, bool? Accepted, string Status, string? Reason, double Milliseconds, IReadOnlyList<CueReading> Cues,
    DecisionDetails? Details = null)
{
    public const string FailedStatus = "failed";

    public bool Failed => Score is null;

    public static SampleOutcome Decided(
        Sample sample, double score, bool accepted, string status, double milliseconds, IReadOnlyList<CueReading>? cues = null) =>
        new(sample, score, accepted, status, null, milliseconds, cues ?? []);

    /// <summary>A video as the API decided it, with what the pipeline saw (none for <c>short_time</c>).</summary>
    public static SampleOutcome Decided(
        Sample sample, double score, bool accepted, string status, double milliseconds, DecisionDetails? details) =>
        new(sample, score, accepted, status, null, milliseconds, details?.Cues ?? [], details);

    public static SampleOutcome Failure(Sample sample, string reason, double milliseconds) =>
        new(sample, null, null, FailedStatus, reason, milliseconds, []);

    /// <summary>The presentation the error rates count; only for a sample that did not fail.</summary>
    public Presentation Presentation() =>
        new(Sample.BonaFide, Sample.AttackType, Score ?? throw new InvalidOperationException($"{Sample.File} failed: it has no score"), Accepted!.Value);
}
