namespace Liveness.Tools.Eval;

/// <summary>How a sample is measured: a video through the whole server pipeline, an image through the frame-level path.</summary>
internal enum SampleKind
{
    Video,
    Frame,
}
