using Liveness.Abstractions;

namespace Liveness.Host.Pipeline;

/// <summary>One face followed across the sampled frames by overlap: where it was last, and what the classifier said of it over time.</summary>
internal sealed class FaceTrack(int id, double seconds, DetectedFace face, FrameCoverage coverage)
{
    /// <summary>1 for the first face found in the video, then counting up in the order faces appear.</summary>
    public int Id { get; } = id;

    public double FirstSeconds { get; } = seconds;

    public double LastSeconds { get; private set; } = seconds;

    public DetectedFace Last { get; private set; } = face;

    /// <summary>Whether the face was seen in one sampled frame only: a glimpse, most often a false detection.</summary>
    public bool SeenOnce => LastSeconds == FirstSeconds;

    /// <summary>Whether this face was the main face in some frame (the one the motion cues and the returned frame follow).</summary>
    public bool WasMain { get; set; }

    /// <summary>The main face's track this one continues after the camera moved too fast for the face to overlap (<see cref="FaceTracks"/>), if it does.</summary>
    public FaceTrack? CameraMovedFrom { get; set; }

    /// <summary>The face this track shows: the first track of it, this one's id unless it continues another after the camera moved.</summary>
    public int Face => CameraMovedFrom?.Face ?? Id;

    /// <summary>The classifier's scores of this face, spread over the time it was seen.</summary>
    public FrameCoverage Coverage { get; } = coverage;

    public void Saw(double seconds, DetectedFace face)
    {
        LastSeconds = seconds;
        Last = face;
    }
}
