using System.ComponentModel.DataAnnotations;

namespace Liveness.Host.Pipeline;

/// <summary>How the pipeline samples, selects and decides (section <c>Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>
    /// Seconds of container time between the frames searched for a face: the motion cues step every 0.2 s, so a
    /// shorter interval only adds detections (each of them and each frame converted and piped costs CPU) that
    /// nothing but the frame shortlist looks at.
    /// </summary>
    [Range(0.01, 2.0)]
    public double SampleIntervalSeconds { get; set; } = 0.2;

    /// <summary>The minimum time a face must be visible; the contract says 2 s.</summary>
    [Range(0.0, 60.0)]
    public double MinFaceSeconds { get; set; } = 2.0;

    /// <summary>
    /// How many of the main face's best frames are kept: the best is the one returned, the frame cues read them all,
    /// and with <see cref="CoverageSeconds"/> 0 they are what the classifier judges (the pipeline before issue 12).
    /// </summary>
    [Range(1, 64)]
    public int ClassifiedFrames { get; set; } = 5;

    /// <summary>
    /// Seconds of container time between the classified frames of each tracked face, so that the whole time it is
    /// seen counts (<see cref="FrameCoverage"/>); 0 classifies only the best frames.
    /// </summary>
    [Range(0.0, 5.0)]
    public double CoverageSeconds { get; set; } = 0.5;

    /// <summary>At most this many classified frames are kept per face; beyond it the interval doubles.</summary>
    [Range(2, 256)]
    public int CoverageFrames { get; set; } = 10;

    /// <summary>
    /// A face is tracked and judged when it is at least this share of the width of the largest face in its frame:
    /// a face on a phone beside the user is, a bystander far behind is not (docs/accuracy.md).
    /// </summary>
    [Range(0.0, 1.0)]
    public double TrackedFaceShare { get; set; } = 0.35;

    /// <summary>
    /// Seconds of container time between the frames the scene detector looks at for a device holding a face (the
    /// device-in-view cue); at most <see cref="SceneFrames"/> are kept, the interval doubling beyond, as for faces.
    /// </summary>
    [Range(0.1, 60.0)]
    public double SceneSeconds { get; set; } = 2.0;

    /// <summary>At most this many frames' device readings are kept (a 5 s clip: 3 frames, about 10 ms each).</summary>
    [Range(1, 64)]
    public int SceneFrames { get; set; } = 3;

    /// <summary>
    /// At most this many frames in which the main face was found again after a motion break or a gap (another picture
    /// may have taken its place) are classified as they come, on the request's second thread, and the last one after
    /// them at the end; the others still begin a stretch of the face's time.
    /// </summary>
    [Range(0, 100)]
    public int FoundAgainFrames { get; set; } = 10;

    /// <summary>A face that was never the main one is judged once this many of its frames are classified (about a second and a half).</summary>
    [Range(1, 256)]
    public int JudgedFaceFrames { get; set; } = 3;

    /// <summary>A face narrower than this (pixels) is not considered for classification.</summary>
    [Range(8, 4096)]
    public int MinFaceWidth { get; set; } = 32;

    /// <summary><c>passed</c> is true when the calibrated <c>liveness_score</c> is at least this.</summary>
    /// <remarks>
    /// Chosen for a BPCER of at most 5% on the shared frames and videos together, each scored with a calibration
    /// fitted without its own group (docs/accuracy.md).
    /// </remarks>
    [Range(0.0, 1.0)]
    public double PassThreshold { get; set; } = 0.40;

    /// <summary>The decision, for the API and tools/Eval alike.</summary>
    public bool Passes(double score) => score >= PassThreshold;

    /// <summary>JPEG quality of the returned frame and face images.</summary>
    [Range(1, 100)]
    public int JpegQuality { get; set; } = 90;
}
