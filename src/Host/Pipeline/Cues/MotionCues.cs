namespace Liveness.Host.Pipeline.Cues;

/// <summary>The cues only a video shows: how the face moved, against its surroundings and within itself.</summary>
internal static class MotionCues
{
    public static IEnumerable<CueReading> Read(IReadOnlyList<MotionStep> steps, FusionOptions options)
    {
        if (options.PlanarMotion.Enabled && PlanarMotionCue.Measure(steps) is { } planar)
        {
            yield return CueReading.Of(CueName.PlanarMotion, planar, options.PlanarMotion, softness: 0.0015, attackBelow: true);
        }

        if (options.MicroMotion.Enabled && MicroMotionCue.Measure(steps) is { } micro)
        {
            yield return CueReading.Of(CueName.MicroMotion, micro, options.MicroMotion, softness: 0.0005, attackBelow: true);
        }
    }

    /// <summary>Whether the video's motion needs tracking at all.</summary>
    public static bool Wanted(FusionOptions options) => options.PlanarMotion.Enabled || options.MicroMotion.Enabled;
}
