using System.Collections.Concurrent;
using OpenCvSharp;

namespace Liveness.Host.Video;

/// <summary>
/// Images that go round between two threads: one takes an image and fills it, the other returns it once done, so a
/// video's frames cost no new image each. Only as many images exist as were in flight at once; all go on dispose.
/// </summary>
internal sealed class ImagePool : IDisposable
{
    private readonly ConcurrentQueue<Mat> free = new();
    private readonly List<Mat> images = [];

    /// <summary>An image returned earlier, or a new one (the filling thread only).</summary>
    public Mat Take()
    {
        if (free.TryDequeue(out var image))
        {
            return image;
        }

        image = new Mat();
        images.Add(image);
        return image;
    }

    /// <summary>Gives back an image taken from this pool (either thread).</summary>
    public void Return(Mat image) => free.Enqueue(image);

    public void Dispose()
    {
        foreach (var image in images)
        {
            image.Dispose();
        }
    }
}
