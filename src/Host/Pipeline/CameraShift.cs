using Liveness.Abstractions;
using OpenCvSharp;

namespace Liveness.Host.Pipeline;

/// <summary>
/// How far the whole picture moved since the last frame the main face was seen in, as a camera that moved sees it:
/// the background, the face and everything else shifted together. A face swapped in front of a still camera moves
/// alone, and the picture as a whole does not follow it.
/// </summary>
/// <remarks>
/// Phase correlation of the two frames, gray and small: one translation, and how sure it is (the height of its peak,
/// 0 to 1). Kept for one frame at a time; a few tenths of a millisecond a frame at this size.
/// </remarks>
internal sealed class CameraShift : IDisposable
{
    /// <summary>Frames are compared at this width: a camera's jolt moves the picture by tens of these pixels.</summary>
    private const int ComparedWidth = 160;

    /// <summary>
    /// The least peak that counts as one translation of the whole picture. The live clip's scene peaks at 0.55-0.63,
    /// moved 324 px or not at all (a face pasted in over it leaves the background's peak at no shift, which is not the
    /// face's move); another picture altogether, or a print brought up over most of it, at 0.02 and below.
    /// </summary>
    private const double MinResponse = 0.2;

    private readonly Mat remembered = new();
    private readonly Mat window = new();
    private Size rememberedSize;

    private double Scale => (double)ComparedWidth / rememberedSize.Width;

    /// <summary>Keeps <paramref name="frame"/> (BGR) as the last frame the main face was seen in.</summary>
    public void Remember(Mat frame)
    {
        rememberedSize = frame.Size();
        Small(frame, remembered);
        if (window.Size() != remembered.Size())
        {
            Cv2.CreateHanningWindow(window, remembered.Size(), MatType.CV_32F);
        }
    }

    /// <summary>
    /// The picture's translation from the frame remembered to <paramref name="frame"/>, in frame pixels, when one
    /// translation explains it; null when it does not, or when no frame is remembered or the size changed.
    /// </summary>
    public FacePoint? Since(Mat frame)
    {
        if (remembered.Empty() || frame.Size() != rememberedSize)
        {
            return null;
        }

        using var now = new Mat();
        Small(frame, now);
        var shift = Cv2.PhaseCorrelate(remembered, now, window, out var response);
        return response < MinResponse ? null : new FacePoint((float)(shift.X / Scale), (float)(shift.Y / Scale));
    }

    public void Dispose()
    {
        remembered.Dispose();
        window.Dispose();
    }

    private void Small(Mat frame, Mat small)
    {
        using var resized = new Mat();
        Cv2.Resize(frame, resized, new Size(ComparedWidth, Math.Max(1, (int)Math.Round(frame.Height * Scale))), interpolation: InterpolationFlags.Linear);
        using var gray = new Mat();
        Cv2.CvtColor(resized, gray, ColorConversionCodes.BGR2GRAY);
        gray.ConvertTo(small, MatType.CV_32F);
    }
}
