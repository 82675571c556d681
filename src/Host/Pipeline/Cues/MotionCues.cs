namespace Liveness.Host.Pipeline.Cues;

/// <summary>The cues only a video shows: how the face moved, against its surroundings and within itself.</summary>
internal static class MotionCues
{
    /// <summary>
    /// The motion cues of a video: planar motion over every step, micro-motion of the least live of the
    /// <paramref name="mainFaces"/> (each face that was the main one and was judged, as the tracks it was seen on), so
    /// a short clip of a live face cannot lend its motion to a photo shown after it.
    /// </summary>
    public static IEnumerable<CueReading> Read(FaceMotion motion, IReadOnlyList<int[]> mainFaces, FusionOptions options)
    {
        if (options.PlanarMotion.Enabled && PlanarMotionCue.Measure(motion.Steps) is { } planar)
        {
            yield return CueReading.Of(CueName.PlanarMotion, planar, options.PlanarMotion, softness: 0.0015, attackBelow: true);
        }

        if (options.MicroMotion.Enabled)
        {
            var micro = mainFaces
                .Select(tracks => MicroMotionCue.Measure([.. tracks.SelectMany(motion.StepsOf)], [.. tracks.SelectMany(motion.StretchesOf)]))
                .DefaultIfEmpty(0)
                .Min();
            yield return CueReading.Of(CueName.MicroMotion, micro, options.MicroMotion, softness: 0.0005, attackBelow: true);
        }
    }

    /// <summary>Whether the video's motion needs tracking at all.</summary>
    public static bool Wanted(FusionOptions options) => options.PlanarMotion.Enabled || options.MicroMotion.Enabled;
}
