using System.Runtime.InteropServices;
using Liveness.Abstractions;

namespace Liveness.Plugins.PluginSupport;

/// <summary>A frame drawn in code, the same on every machine, for warm-up and the self-test.</summary>
public sealed class SyntheticFrame
{
    // Pinned and held here for the life of the process, so the image's pointer stays valid.
    private readonly byte[] _pixels;

    private SyntheticFrame(int width, int height, Func<int, int, (byte B, byte G, byte R)> colourAt, FaceBox face)
    {
        _pixels = GC.AllocateArray<byte>(width * height * 3, pinned: true);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (b, g, r) = colourAt(x, y);
                var i = (y * width + x) * 3;
                _pixels[i] = b;
                _pixels[i + 1] = g;
                _pixels[i + 2] = r;
            }
        }

        Image = new BgrImage(width, height, width * 3, Marshal.UnsafeAddrOfPinnedArrayElement(_pixels, 0));
        Face = face;
    }

    /// <summary>A plain cartoon face on a shaded wall: close enough to a face for BlazeFace to find it.</summary>
    /// <remarks>
    /// Twice the detector's input wide, so the resize averages whole 2x2 blocks in integers, the same on every CPU.
    /// </remarks>
    public static SyntheticFrame WithFace { get; } = new(256, 192, CartoonFace, new FaceBox(89, 71, 80, 80));

    /// <summary>
    /// The cartoon face at half size in an 80x80 frame, with a box whose crops, at either MiniFASNet scale,
    /// are the whole frame: no resize, so no interpolation that could round differently on another CPU.
    /// </summary>
    public static SyntheticFrame FaceCrop { get; } =
        new(80, 80, (x, y) => CartoonFace(2 * x + 48, 2 * y + 18), new FaceBox(20, 20, 40, 40));

    /// <summary>A phone held up on the shaded wall, its lit screen showing a head and shoulders: a scene for the scene detector.</summary>
    /// <remarks>OpenCV's bilinear resize of 8-bit pixels is in fixed point, so the detector's input is the same on every CPU.</remarks>
    public static SyntheticFrame PhoneOnWall { get; } = new(256, 192, DrawnPhone, new FaceBox(106, 58, 45, 64));

    /// <summary>Mid gray everywhere: nothing in it is a face.</summary>
    public static SyntheticFrame FlatGray { get; } = new(256, 192, (_, _) => (128, 128, 128), new FaceBox(89, 71, 80, 80));

    public BgrImage Image { get; }

    /// <summary>Where the face is, or would be: the box the classifier is run on.</summary>
    public FaceBox Face { get; }

    private static (byte B, byte G, byte R) DrawnPhone(int x, int y)
    {
        const int left = 88, top = 20, right = 168, bottom = 180, centreX = (left + right) / 2, centreY = (top + bottom) / 2;
        var onScreen = x >= left + 5 && x < right - 5 && y >= top + 12 && y < bottom - 14;
        if (onScreen)
        {
            var dx = (x - centreX) / ((right - left) * 0.28);
            var dy = (y - centreY + 10) / ((bottom - top) * 0.2);
            if (dx * dx + dy * dy <= 1)
            {
                return (125, 155, 205);
            }

            if (y > centreY + 20 && Math.Abs(x - centreX) < (right - left) * 0.35)
            {
                return (90, 60, 40);
            }

            return (230, 225, 220);
        }

        if (x >= left && x < right && y >= top && y < bottom)
        {
            return (25, 25, 28);
        }

        return ((byte)(150 + 40 * y / 192), 160, (byte)(170 - 30 * x / 256));
    }

    private static (byte B, byte G, byte R) CartoonFace(int x, int y)
    {
        static double Ellipse(double x, double y, double cx, double cy, double rx, double ry) =>
            ((x - cx) * (x - cx) / (rx * rx)) + ((y - cy) * (y - cy) / (ry * ry));

        static (byte, byte, byte) Shade(double b, double g, double r, double light) =>
            ((byte)Math.Clamp(b * light, 0, 255), (byte)Math.Clamp(g * light, 0, 255), (byte)Math.Clamp(r * light, 0, 255));

        double px = x + 0.5, py = y + 0.5;
        var head = Ellipse(px, py, 128, 100, 42, 54);
        var light = 1.1 - 0.35 * head;

        foreach (var eyeX in new[] { 112.0, 144.0 })
        {
            if (Ellipse(px, py, eyeX, 92, 2.8, 2.8) <= 1)
            {
                return (40, 30, 30);
            }

            if (Ellipse(px, py, eyeX, 92, 7, 4) <= 1)
            {
                return (225, 230, 235);
            }

            if (Ellipse(px, py, eyeX, 81, 9, 2.2) <= 1)
            {
                return (40, 45, 60);
            }
        }

        if (Ellipse(px, py, 128, 128, 13, 4) <= 1)
        {
            return (70, 70, 165);
        }

        if (Ellipse(px, py, 123, 114, 2.2, 1.6) <= 1 || Ellipse(px, py, 133, 114, 2.2, 1.6) <= 1)
        {
            return (60, 70, 100);
        }

        if (head <= 1)
        {
            // Hair over the top of the head, skin below, darker toward the edge as on a rounded face.
            return py < 62 + 0.004 * (px - 128) * (px - 128) ? Shade(45, 55, 70, 1) : Shade(125, 155, 205, light);
        }

        // The neck.
        if (px > 108 && px < 148 && py > 145)
        {
            return Shade(110, 138, 185, 0.9);
        }

        // A wall shaded two ways, so that nothing but the face stands out.
        return Shade(150 + 40.0 * py / 192, 160, 170 - 30.0 * px / 256, 1);
    }
}
