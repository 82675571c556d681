using System.ComponentModel.DataAnnotations;

namespace Liveness.Host.Pipeline;

/// <summary>How the pipeline samples, selects and decides (section <c>Pipeline</c>).</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Seconds of container time between the frames searched for a face.</summary>
    [Range(0.01, 2.0)]
    public double SampleIntervalSeconds { get; set; } = 0.1;

    /// <summary>The minimum time a face must be visible; the contract says 2 s.</summary>
    [Range(0.0, 60.0)]
    public double MinFaceSeconds { get; set; } = 2.0;

    /// <summary>How many of the best frames of the face are classified and fused.</summary>
    [Range(1, 64)]
    public int ClassifiedFrames { get; set; } = 5;

    /// <summary>A face narrower than this (pixels) is not considered for classification.</summary>
    [Range(8, 4096)]
    public int MinFaceWidth { get; set; } = 32;

    /// <summary><c>passed</c> is true when the calibrated <c>liveness_score</c> is at least this.</summary>
    /// <remarks>Chosen for a BPCER of at most 5% on the shared samples (docs/accuracy.md).</remarks>
    [Range(0.0, 1.0)]
    public double PassThreshold { get; set; } = 0.36;

    /// <summary>The decision, for the API and tools/Eval alike.</summary>
    public bool Passes(double score) => score >= PassThreshold;

    /// <summary>JPEG quality of the returned frame and face images.</summary>
    [Range(1, 100)]
    public int JpegQuality { get; set; } = 90;
}
