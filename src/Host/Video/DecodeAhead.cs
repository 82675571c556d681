using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using OpenCvSharp;

namespace Liveness.Host.Video;

/// <summary>
/// Decodes a video on a thread of its own, at most a few sampled frames ahead of the reader: while the request
/// thread runs detection on one frame, the next ones are being decoded, so a request costs little more than its
/// decode. The frames, their order and their times are exactly those <paramref name="frames"/> gives (in the host,
/// <see cref="SampledVideo.Frames(double, Func{Mat}, CancellationToken)"/>), each decoded into the image
/// it is handed.
/// </summary>
/// <remarks>
/// Frames are decoded straight into a few images that go round between the two threads (at most the frames in the
/// channel, the reader's and the decoder's): no copy, and no new image per frame. The decoding thread is the
/// decode's own, not the thread pool's: it blocks on the decoder's pipes for most of a request, and with the pool's
/// threads held that way, requests in flight queued behind each other's model work (4 clients at 640x480: p95
/// 1.9-3.9 s, and 1.5-1.6 s with this thread, docs/benchmarks.md).
/// </remarks>
internal sealed class DecodeAhead(Func<Func<Mat>, CancellationToken, IEnumerable<VideoFrame>> frames, int depth)
{
    private long decodingTicks;

    /// <summary>Time the decoding thread spent decoding, not waiting for the reader.</summary>
    public TimeSpan DecodeTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref decodingTicks));

    /// <summary>The sampled frames; each image is the reader's until it asks for the next frame, then it is reused.</summary>
    public async IAsyncEnumerable<VideoFrame> FramesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<VideoFrame>(new BoundedChannelOptions(depth) { SingleReader = true, SingleWriter = true });
        using var images = new ImagePool();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var decoding = Task.Factory.StartNew(
            () => DecodeInto(channel.Writer, images, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await foreach (var frame in channel.Reader.ReadAllAsync(CancellationToken.None))
            {
                try
                {
                    yield return frame;
                }
                finally
                {
                    images.Return(frame.Image);
                }
            }

            // The decoder's own failure (an undecodable frame, a video over the limit, cancellation) is the request's.
            await decoding;
        }
        finally
        {
            await stop.CancelAsync();
            // A failure after the reader stopped (a kill on the way out) is nobody's to throw.
            await decoding.ContinueWith(done => _ = done.Exception, TaskScheduler.Default);
        }
    }

    private void DecodeInto(ChannelWriter<VideoFrame> writer, ImagePool images, CancellationToken cancellationToken)
    {
        try
        {
            using var decoded = frames(images.Take, cancellationToken).GetEnumerator();
            while (Decode(decoded))
            {
                // This thread waits here while the reader is behind: it is the decode's own, so waiting costs no one.
                writer.WriteAsync(decoded.Current, cancellationToken).AsTask().GetAwaiter().GetResult();
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private bool Decode(IEnumerator<VideoFrame> frames)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return frames.MoveNext();
        }
        finally
        {
            Interlocked.Add(ref decodingTicks, Stopwatch.GetTimestamp() - started);
        }
    }
}
