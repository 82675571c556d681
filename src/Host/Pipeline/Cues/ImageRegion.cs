using Liveness.Abstractions;
using OpenCvSharp;

namespace Liveness.Host.Pipeline.Cues;

/// <summary>The pixels of an image that a box covers: the box cut to the image (<see cref="FaceBox.ClippedTo"/>), widened to whole pixels.</summary>
internal static class ImageRegion
{
    public static Rect Of(FaceBox box, int width, int height)
    {
        var clipped = box.ClippedTo(width, height);
        var left = (int)MathF.Floor(clipped.X);
        var top = (int)MathF.Floor(clipped.Y);
        var right = Math.Min(width, (int)MathF.Ceiling(clipped.X + clipped.Width));
        var bottom = Math.Min(height, (int)MathF.Ceiling(clipped.Y + clipped.Height));
        return new Rect(left, top, right - left, bottom - top);
    }
}
