using Liveness.Abstractions;
using OpenCvSharp;

namespace Liveness.OnnxBackend.Tests;

/// <summary>An image file decoded by OpenCV and handed over as the host hands frames to a backend.</summary>
internal sealed class LoadedFrame : IDisposable
{
    private readonly Mat _mat;

    public LoadedFrame(string path)
    {
        _mat = Cv2.ImRead(path, ImreadModes.Color);
        if (_mat.Empty())
        {
            throw new FileNotFoundException("OpenCV could not read the image.", path);
        }

        Image = new BgrImage(_mat.Width, _mat.Height, (int)_mat.Step(), _mat.Data);
    }

    public BgrImage Image { get; }

    public static LoadedFrame Shared(string file) => new(SharedData.Frame(file));

    public void Dispose() => _mat.Dispose();
}
