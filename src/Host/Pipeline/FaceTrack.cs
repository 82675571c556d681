using Liveness.Abstractions;

namespace Liveness.Host.Pipeline;

/// <summary>The main face followed across the sampled frames: where it was seen, and for how long.</summary>
/// <remarks>
/// The main face is the largest one when the track starts; afterwards the detection that overlaps the last
/// position best is taken, so a second face walking into the frame does not steal the track.
/// </remarks>
internal sealed class FaceTrack
{
    private const float MinOverlap = 0.2f;

    private readonly List<(double Seconds, bool Seen)> samples = [];
    private FaceBox? last;

    /// <summary>Takes the detections of one sampled frame; returns the main face in it, if it is there.</summary>
    public DetectedFace? Follow(double seconds, IReadOnlyList<DetectedFace> faces)
    {
        samples.Add((seconds, faces.Count > 0));
        if (faces.Count == 0)
        {
            return null;
        }

        var face = last is { } previous
            ? faces.MaxBy(candidate => candidate.Box.IntersectionOverUnion(previous))!
            : faces.MaxBy(candidate => candidate.Box.Area)!;
        if (last is { } before && face.Box.IntersectionOverUnion(before) < MinOverlap)
        {
            // The face jumped: a new person or a cut; start over with the largest face of this frame.
            face = faces.MaxBy(candidate => candidate.Box.Area)!;
        }

        last = face.Box;
        return face;
    }

    /// <summary>Time a face was visible: each sampled frame with a face counts until the next sampled frame (the last until the end).</summary>
    public double VisibleSeconds(double videoSeconds)
    {
        var total = 0.0;
        for (var i = 0; i < samples.Count; i++)
        {
            if (samples[i].Seen)
            {
                var until = i + 1 < samples.Count ? samples[i + 1].Seconds : videoSeconds;
                total += Math.Max(0, until - samples[i].Seconds);
            }
        }

        return total;
    }
}
