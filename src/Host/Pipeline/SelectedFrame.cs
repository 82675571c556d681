using Liveness.Abstractions;
using OpenCvSharp;

namespace Liveness.Host.Pipeline;

/// <summary>A frame kept for classification: its own copy of the image, its container time, the main face's track, the face and its quality.</summary>
internal sealed class SelectedFrame(Mat image, double seconds, int track, DetectedFace face, double quality) : IDisposable
{
    public Mat Image { get; } = image;

    public double Seconds { get; } = seconds;

    public int Track { get; } = track;

    public DetectedFace Face { get; } = face;

    public double Quality { get; } = quality;

    public void Dispose() => Image.Dispose();
}
