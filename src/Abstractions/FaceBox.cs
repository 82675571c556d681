namespace Liveness.Abstractions;

/// <summary>An axis-aligned face box in pixels of the frame it was found in.</summary>
public readonly record struct FaceBox(float X, float Y, float Width, float Height)
{
    public float Area => Width * Height;

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
