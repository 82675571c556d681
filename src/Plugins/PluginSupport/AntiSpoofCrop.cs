using Liveness.Abstractions;

namespace Liveness.Plugins.PluginSupport;

/// <summary>
/// The region of a frame the MiniFASNet authors crop around a face: the box scaled about its centre,
/// then shifted, never padded, to lie inside the frame (their <c>CropImage._get_new_box</c>).
/// </summary>
/// <remarks>The networks were trained on these crops, so the arithmetic, truncation included, follows theirs.</remarks>
/// <param name="Left">First column, inclusive.</param>
/// <param name="Top">First row, inclusive.</param>
/// <param name="Right">Last column, inclusive.</param>
/// <param name="Bottom">Last row, inclusive.</param>
public readonly record struct AntiSpoofCrop(int Left, int Top, int Right, int Bottom)
{
    public int Width => Right - Left + 1;

    public int Height => Bottom - Top + 1;

    public static AntiSpoofCrop Around(FaceBox face, double scale, int frameWidth, int frameHeight)
    {
        if (!(face.Width > 0 && face.Height > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(face), face, "A face box needs a positive width and height.");
        }

        double x = face.X, y = face.Y, width = face.Width, height = face.Height;
        // A box too large for the scale gets the largest scale that still fits the frame.
        scale = Math.Min((frameHeight - 1) / height, Math.Min((frameWidth - 1) / width, scale));

        var centreX = x + width / 2;
        var centreY = y + height / 2;
        var left = centreX - width * scale / 2;
        var top = centreY - height * scale / 2;
        var right = centreX + width * scale / 2;
        var bottom = centreY + height * scale / 2;

        if (left < 0)
        {
            right -= left;
            left = 0;
        }

        if (top < 0)
        {
            bottom -= top;
            top = 0;
        }

        if (right > frameWidth - 1)
        {
            left -= right - frameWidth + 1;
            right = frameWidth - 1;
        }

        if (bottom > frameHeight - 1)
        {
            top -= bottom - frameHeight + 1;
            bottom = frameHeight - 1;
        }

        // Python's int() truncates toward zero, as the casts do.
        return new AntiSpoofCrop((int)left, (int)top, (int)right, (int)bottom);
    }
}
