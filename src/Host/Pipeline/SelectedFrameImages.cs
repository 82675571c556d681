using Liveness.Host.Pipeline.Cues;
using OpenCvSharp;

namespace Liveness.Host.Pipeline;

/// <summary>JPEG encodings of the selected frame and of the face clipped from it, for <c>base64_image</c> and <c>base64_face_image</c>.</summary>
internal static class SelectedFrameImages
{
    /// <summary>The face image keeps this much of the box's size as margin on each side.</summary>
    private const float FaceMargin = 0.1f;

    public static byte[] Frame(SelectedFrame frame, int quality) => Jpeg(frame.Image, quality);

    public static byte[] Face(SelectedFrame frame, int quality)
    {
        var box = frame.Face.Box;
        var margin = new Abstractions.FaceBox(
            box.X - box.Width * FaceMargin,
            box.Y - box.Height * FaceMargin,
            box.Width * (1 + 2 * FaceMargin),
            box.Height * (1 + 2 * FaceMargin));
        using var face = new Mat(frame.Image, ImageRegion.Of(margin, frame.Image.Width, frame.Image.Height));
        return Jpeg(face, quality);
    }

    private static byte[] Jpeg(Mat image, int quality) =>
        image.ImEncode(".jpg", new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
}
