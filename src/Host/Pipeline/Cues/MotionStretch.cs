namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// Steps through which one face was followed without a break (<see cref="FaceMotion.StretchesOf"/>), and whether a
/// break both began and ended it: on each side a step the face could not be followed through, within one chain, as
/// when something is held over the face for a moment and taken away again. The start or end of a chain, or of the
/// video, is not a break.
/// </summary>
internal sealed class MotionStretch(bool afterBreak)
{
    private readonly List<MotionStep> steps = [];

    public IReadOnlyList<MotionStep> Steps => steps;

    public bool BetweenBreaks { get; private set; }

    public void Add(MotionStep step) => steps.Add(step);

    /// <summary>A step the face could not be followed through ends the stretch.</summary>
    public void EndWithBreak() => BetweenBreaks = afterBreak;
}
