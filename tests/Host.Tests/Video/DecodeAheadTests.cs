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
        var decoder = new DecodeAhead(video, depth: 2);
        var actual = new List<(double, double)>();
        await foreach (var frame in decoder.FramesAsync(0.1, CancellationToken.None))
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
        var decoder = new DecodeAhead(video, depth: 2);
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in decoder.FramesAsync(0.1, cancel.Token))
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
        var decoder = new DecodeAhead(video, depth: 2);

        await foreach (var frame in decoder.FramesAsync(0.1, CancellationToken.None))
        {
            break;
        }

        // The decoder was cancelled after at most a few frames ahead of the one read.
        Assert.InRange(video.DurationSeconds, 0, 1.0);
    }
}
