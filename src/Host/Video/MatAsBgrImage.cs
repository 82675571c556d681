using Liveness.Abstractions;
using OpenCvSharp;

namespace Liveness.Host.Video;

/// <summary>Hands an OpenCV image to a backend without copying it.</summary>
internal static class MatAsBgrImage
{
    public static BgrImage AsBgrImage(this Mat image) =>
        image.Type() == MatType.CV_8UC3 && image.IsContinuous()
            ? new BgrImage(image.Width, image.Height, (int)image.Step(), image.Data)
            : throw new ArgumentException("backends take continuous 8-bit BGR images", nameof(image));
}
