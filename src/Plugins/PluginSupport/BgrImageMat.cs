using Liveness.Abstractions;
using OpenCvSharp;

namespace Liveness.Plugins.PluginSupport;

/// <summary>Views a frame handed over by the host as an OpenCV matrix.</summary>
public static class BgrImageMat
{
    /// <summary>A matrix over the caller's pixels, not a copy: it must not outlive the call that received the frame.</summary>
    public static Mat AsMat(this BgrImage frame)
    {
        if (frame.Width <= 0 || frame.Height <= 0 || frame.Pixels == IntPtr.Zero || frame.Stride < frame.Width * 3)
        {
            throw new ArgumentException(
                $"Not a BGR frame: {frame.Width}x{frame.Height}, stride {frame.Stride}, pixels {(frame.Pixels == IntPtr.Zero ? "null" : "set")}.",
                nameof(frame));
        }

        return Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_8UC3, frame.Pixels, frame.Stride);
    }
}
