using OpenCvSharp;

namespace Liveness.Host.Video;

/// <summary>A decoded frame, upright, with its presentation time from the container.</summary>
/// <remarks>The image is reused for the next frame: clone it to keep it.</remarks>
internal readonly record struct VideoFrame(Mat Image, double Seconds);
