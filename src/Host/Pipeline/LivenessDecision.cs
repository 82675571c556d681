namespace Liveness.Host.Pipeline;

/// <summary>What the pipeline concluded about one video, with the selected frame's images when they were asked for.</summary>
/// <param name="Backends">The backends (name@version) that answered, one per role, for the logs.</param>
public sealed record LivenessDecision(
    LivenessStatus Status,
    double Score,
    string Backends,
    double? FrameSeconds = null,
    byte[]? FrameJpeg = null,
    byte[]? FaceJpeg = null)
{
    public bool Passed => Status == LivenessStatus.Ok;

    /// <summary>Why: the faces judged, their frame scores over time and the cues; null for <c>short_time</c>. Never in the public answer.</summary>
    internal DecisionDetails? Details { get; init; }
}
