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

        if (options.MicroMotion.Enabled)
        {
            // Fails closed: a face whose motion could not be followed over enough steps (a photo sent as a few frames
            // seconds apart, each starting a track of its own) showed no live motion, so it reads as none at all.
            yield return CueReading.Of(CueName.MicroMotion, MicroMotionCue.Measure(steps) ?? 0, options.MicroMotion, softness: 0.0005, attackBelow: true);
        }
    }

    /// <summary>Whether the video's motion needs tracking at all.</summary>
    public static bool Wanted(FusionOptions options) => options.PlanarMotion.Enabled || options.MicroMotion.Enabled;
}
