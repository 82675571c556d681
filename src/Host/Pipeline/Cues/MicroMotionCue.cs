namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// The small non-rigid motions of a live face (blinks, the mouth, a head turning in depth), which a print or a
/// photo on a screen cannot make: between two frames its corners move exactly as one homography.
/// </summary>
/// <remarks>
/// Measure: the 90th percentile over a face's steps of its own residual (how far its corners are from its best
/// homography, in face widths): one blink or word in the video is enough. Low is rigid. With fewer than five steps
/// it is 0, no motion: a face that could not be followed long enough to see it move (a photo sent as frames seconds
/// apart, each a track of its own) shows nothing live, and fails closed. Each stretch of five steps or more that was
/// followed without a break, and each of two or more between two breaks, must show <see cref="StretchShare"/> of it
/// too: the measure is no more than any such stretch's own divided by that share. A shorter stretch with a break on
/// one side only is judged from two steps, at <see cref="ShortStretchShare"/>. A print brought up over a live face at
/// the same spot continues the face's track, but not its stretch (the tracker loses the corners), and the live seconds
/// cannot lend it their motion: not when it is held there for under a second and taken away, nor when it is shown for
/// the video's first or last second.
/// </remarks>
internal static class MicroMotionCue
{
    private const int MinSteps = 5;

    /// <summary>
    /// A stretch with a break on either side is judged from this many steps: something held over the face for a second
    /// or less and taken away again, or shown for the video's first or last second, whose stretch is too short to be
    /// judged as the others are. One step alone cannot tell a still moment from a rigid one.
    /// </summary>
    private const int MinStepsNextToBreak = 2;

    /// <summary>
    /// The share of a face's motion that a stretch of it must show. A stretch is a second or two: the stillest live
    /// person of the data shows 0.0034 in such a stretch against 0.009 over the clip, the most moved print 0.0017;
    /// 0.6 puts a stretch's bar (0.6 of the threshold 0.004, 0.0024) midway between them on a log scale.
    /// </summary>
    internal const double StretchShare = 0.6;

    /// <summary>
    /// The share of a face's motion that a stretch of under five steps must show when a break lies on one side of it
    /// only (the other is the start or end of the video or of the chain). Between two breaks a live face is moving
    /// fast (its breaks come from that), and its steps read seven times <see cref="StretchShare"/>'s bar and more;
    /// next to one break it may be as calm as anywhere, and the stillest live faces read 0.0025 in two steps there, a
    /// print shown over a face for the first or last 0.6-1 s 0.0007 at most: 0.3 puts the bar (0.0012) near the middle
    /// of them on a log scale (2.1 and 1.7 times).
    /// </summary>
    internal const double ShortStretchShare = 0.3;

    /// <summary>The measure of one face, from all its steps and its stretches of followed steps (<see cref="FaceMotion.StretchesOf"/>).</summary>
    public static double Measure(IReadOnlyList<MotionStep> steps, IReadOnlyList<MotionStretch> stretches) =>
        steps.Count < MinSteps
            ? 0
            : stretches
                .Select(stretch => (stretch.Steps, Share: ShareOf(stretch)))
                .Where(stretch => stretch.Share > 0)
                .Select(stretch => Residual(stretch.Steps) / stretch.Share)
                .Append(Residual(steps))
                .Min();

    /// <summary>The share of the face's motion a stretch must show; 0 when it is too short to be judged.</summary>
    private static double ShareOf(MotionStretch stretch) => stretch.Steps.Count switch
    {
        >= MinSteps => StretchShare,
        < MinStepsNextToBreak => 0,
        _ when stretch.BetweenBreaks => StretchShare,
        _ when stretch.AfterBreak || stretch.BeforeBreak => ShortStretchShare,
        _ => 0,
    };

    private static double Residual(IEnumerable<MotionStep> steps) => Quantile.Of(steps.Select(step => step.FaceResidual).ToArray(), 0.9);
}
