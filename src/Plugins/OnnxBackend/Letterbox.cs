using Liveness.Abstractions;

namespace Liveness.Plugins.OnnxBackend;

/// <summary>How a frame fits a detector's square input: scaled to keep its aspect ratio, then padded.</summary>
/// <param name="Size">The side of the square, in pixels.</param>
/// <param name="ScaledWidth">The frame's width once scaled into the square.</param>
/// <param name="ScaledHeight">The frame's height once scaled into the square.</param>
/// <param name="PadX">Columns of padding left of the scaled frame.</param>
/// <param name="PadY">Rows of padding above the scaled frame.</param>
internal readonly record struct Letterbox(
    int Size, int FrameWidth, int FrameHeight, int ScaledWidth, int ScaledHeight, int PadX, int PadY)
{
    public static Letterbox Fit(int frameWidth, int frameHeight, int size)
    {
        var scale = (double)size / Math.Max(frameWidth, frameHeight);
        var scaledWidth = Math.Clamp((int)Math.Round(frameWidth * scale), 1, size);
        var scaledHeight = Math.Clamp((int)Math.Round(frameHeight * scale), 1, size);
        return new Letterbox(
            size, frameWidth, frameHeight, scaledWidth, scaledHeight, (size - scaledWidth) / 2, (size - scaledHeight) / 2);
    }

    /// <summary>Scaled as by <see cref="Fit"/> but placed at the top left, padded right and below only (YOLOX's preprocessing).</summary>
    /// <remarks>Sizes are truncated, not rounded, as upstream's demo truncates them.</remarks>
    public static Letterbox FitTopLeft(int frameWidth, int frameHeight, int size)
    {
        var scale = Math.Min((double)size / frameWidth, (double)size / frameHeight);
        var scaledWidth = Math.Clamp((int)(frameWidth * scale), 1, size);
        var scaledHeight = Math.Clamp((int)(frameHeight * scale), 1, size);
        return new Letterbox(size, frameWidth, frameHeight, scaledWidth, scaledHeight, 0, 0);
    }

    /// <summary>The frame pixel at a point given as a fraction of the square (0 to 1 on each axis).</summary>
    /// <remarks>Each axis uses its own ratio, the exact one the resize applied after rounding.</remarks>
    public FacePoint ToFrame(float x, float y) => new(
        (x * Size - PadX) * FrameWidth / ScaledWidth,
        (y * Size - PadY) * FrameHeight / ScaledHeight);
}
