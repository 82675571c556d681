using Liveness.Host.Video;
using Microsoft.Extensions.Logging.Abstractions;

namespace Liveness.Host.Tests.Video;

public sealed class DecodeAheadTests
{
    [Fact]
    public async Task It_hands_out_exactly_the_frames_and_times_of_the_sequential_reader()
    {
        var path = TestVideos.VariableFrameRate();
        using var sequential = SampledVideo.Open(path, new VideoOptions(), NullLogger.Instance);
        var expected = sequential.Frames(0.1, CancellationToken.None)
            .Select(frame => (frame.Seconds, Sum: frame.Image.Sum().Val0)).ToList();

        using var video = SampledVideo.Open(path, new VideoOptions(), NullLogger.Instance);
        var decoder = new DecodeAhead((target, token) => video.Frames(0.1, target, token), depth: 2);
        var actual = new List<(double, double)>();
        await foreach (var frame in decoder.FramesAsync(CancellationToken.None))
        {
            actual.Add((frame.Seconds, frame.Image.Sum().Val0));
        }

        Assert.Equal(expected, actual);
        Assert.Equal(sequential.DurationSeconds, video.DurationSeconds);
        Assert.True(decoder.DecodeTime > TimeSpan.Zero);
    }

    [Fact]
    public async Task Cancelling_the_request_stops_the_decoding_thread_and_reaches_the_reader()
    {
        using var video = SampledVideo.Open(TestVideos.Format("h264.mp4"), new VideoOptions(), NullLogger.Instance);
        var decoder = new DecodeAhead((target, token) => video.Frames(0.1, target, token), depth: 2);
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in decoder.FramesAsync(cancel.Token))
            {
                await cancel.CancelAsync();
            }
        });

        Assert.InRange(video.DurationSeconds, 0, 1.0);
    }

    [Fact]
    public async Task A_reader_that_stops_early_stops_the_decoder()
    {
        using var video = SampledVideo.Open(TestVideos.Format("h264.mp4"), new VideoOptions(), NullLogger.Instance);
        var decoder = new DecodeAhead((target, token) => video.Frames(0.1, target, token), depth: 2);

        await foreach (var frame in decoder.FramesAsync(CancellationToken.None))
        {
            break;
        }

        // The decoder was cancelled after at most a few frames ahead of the one read.
        Assert.InRange(video.DurationSeconds, 0, 1.0);
    }

    [Fact]
    public async Task It_decodes_on_a_thread_of_its_own_even_while_the_reader_holds_a_frame()
    {
        // A decode blocks on its pipes for most of a request: on a pool thread it would starve the requests' model work.
        using var video = SampledVideo.Open(TestVideos.Format("h264.mp4"), new VideoOptions(), NullLogger.Instance);
        var decodedOnPool = new List<bool>();
        var decoder = new DecodeAhead((target, token) => Recorded(video.Frames(0.1, target, token), decodedOnPool), depth: 2);

        var read = 0;
        await foreach (var _ in decoder.FramesAsync(CancellationToken.None))
        {
            if (read++ == 0)
            {
                // Holding the first frame: the decoder fills the channel and then waits for the reader.
                await Task.Delay(200);
            }
        }

        Assert.True(read > 5);
        lock (decodedOnPool)
        {
            Assert.Equal(read + 1, decodedOnPool.Count);
            Assert.DoesNotContain(true, decodedOnPool);
        }
    }

    /// <summary>The frames, noting for each decode (and the last, which ends them) whether it ran on a pool thread.</summary>
    private static IEnumerable<VideoFrame> Recorded(IEnumerable<VideoFrame> frames, List<bool> onPool)
    {
        using var decoded = frames.GetEnumerator();
        while (true)
        {
            lock (onPool)
            {
                onPool.Add(Thread.CurrentThread.IsThreadPoolThread);
            }

            if (!decoded.MoveNext())
            {
                yield break;
            }

            yield return decoded.Current;
        }
    }
}
