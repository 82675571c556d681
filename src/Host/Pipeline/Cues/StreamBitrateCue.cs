namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// A video stream too starved of bits for its motion to be judged: a coarse encoder carries each block of a moving
/// print by one motion vector, so the print's corners leave its homography as a live face's do, and micro-motion
/// reads it as live (docs/accuracy.md, "The synthetic attacks perturbed, and compression"). An uploader chooses the
/// encoding, so this is an attack, not only a capture condition.
/// </summary>
/// <remarks>
/// Measure: the video stream's own bytes (its packets, as the decoder read them: an audio track or the container's
/// padding does not count) in bits per pixel of the decoded frame and second of decoded time. The shared uploads read
/// 1.17-9.3 (40 for a 160x120 AVI), live videos re-encoded at an ordinary CRF 23 0.74-3.0, the synthetic attacks that
/// the other cues pass once re-encoded at CRF 30-40 0.045-0.22. Low is the attack side. No reading where the decoder
/// gave no byte count. A stream padded on purpose (x264's constant-rate filler data over a coarse picture) passes it:
/// the report counts bytes, not what they hold.
/// </remarks>
internal static class StreamBitrateCue
{
    public static IEnumerable<CueReading> Read(long? streamBytes, (int Width, int Height)? frameSize, double seconds, FusionOptions options)
    {
        if (options.StreamBitrate.Enabled && streamBytes is { } bytes && frameSize is var (width, height) && seconds > 0)
        {
            var bitrate = bytes * 8.0 / ((double)width * height * seconds);
            yield return CueReading.Of(CueName.StreamBitrate, bitrate, options.StreamBitrate, softness: 0.05, attackBelow: true);
        }
    }
}
