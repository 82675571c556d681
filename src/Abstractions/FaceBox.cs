namespace Liveness.Abstractions;

/// <summary>An axis-aligned face box in pixels of the frame it was found in.</summary>
public readonly record struct FaceBox(float X, float Y, float Width, float Height)
{
    public float Area => Width * Height;

    /// <summary>This box cut to a frame of <paramref name="width"/> x <paramref name="height"/> (empty where it lies outside).</summary>
    public FaceBox ClippedTo(float width, float height)
    {
        var left = Math.Clamp(X, 0, width);
        var top = Math.Clamp(Y, 0, height);
        var right = Math.Clamp(X + Width, 0, width);
        var bottom = Math.Clamp(Y + Height, 0, height);
        return new FaceBox(left, top, right - left, bottom - top);
    }

    public float IntersectionOverUnion(FaceBox other)
    {
        var left = Math.Max(X, other.X);
        var top = Math.Max(Y, other.Y);
        var right = Math.Min(X + Width, other.X + other.Width);
        var bottom = Math.Min(Y + Height, other.Y + other.Height);
        var intersection = Math.Max(0, right - left) * Math.Max(0, bottom - top);
        var union = Area + other.Area - intersection;
        return union <= 0 ? 0 : intersection / union;
    }
}
