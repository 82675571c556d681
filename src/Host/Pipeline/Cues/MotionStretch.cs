namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// Steps through which one face was followed without a break (<see cref="FaceMotion.StretchesOf"/>), and whether a
/// break began it and whether one ended it: a step the face could not be followed through, within one chain, as when
/// something is brought up over the face or taken away from it. The start or end of a chain, or of the video, is not
/// a break.
/// </summary>
internal sealed class MotionStretch(bool afterBreak)
{
    private readonly List<MotionStep> steps = [];

    public IReadOnlyList<MotionStep> Steps => steps;

    public bool AfterBreak => afterBreak;

    public bool BeforeBreak { get; private set; }

    public bool BetweenBreaks => AfterBreak && BeforeBreak;

    public void Add(MotionStep step) => steps.Add(step);

    /// <summary>A step the face could not be followed through ends the stretch.</summary>
    public void EndWithBreak() => BeforeBreak = true;
}
