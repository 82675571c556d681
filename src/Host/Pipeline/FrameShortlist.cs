using Liveness.Abstractions;
using OpenCvSharp;

namespace Liveness.Host.Pipeline;

/// <summary>The best few frames of the face seen so far, by <see cref="FrameQuality"/>; memory stays bounded however long the video.</summary>
internal sealed class FrameShortlist(int capacity) : IDisposable
{
    private readonly List<SelectedFrame> frames = new(capacity + 1);

    /// <summary>Best first.</summary>
    public IReadOnlyList<SelectedFrame> Frames => frames;

    public void Offer(Mat image, double seconds, int track, DetectedFace face, double quality)
    {
        if (frames.Count == capacity && quality <= frames[^1].Quality)
        {
            return;
        }

        // A full list gives up its worst frame, whose image takes the copy of the new one.
        Mat copy;
        if (frames.Count == capacity)
        {
            copy = frames[^1].Image;
            frames.RemoveAt(frames.Count - 1);
        }
        else
        {
            copy = new Mat();
        }

        image.CopyTo(copy);
        var index = frames.FindIndex(kept => kept.Quality < quality);
        frames.Insert(index < 0 ? frames.Count : index, new SelectedFrame(copy, seconds, track, face, quality));
    }

    public void Dispose()
    {
        foreach (var frame in frames)
        {
            frame.Dispose();
        }

        frames.Clear();
    }
}
