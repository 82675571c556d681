using Liveness.Abstractions;
using Liveness.Host.Contract;
using Liveness.Host.Metrics;
using Liveness.Host.Pipeline;
using Liveness.Host.Pipeline.Cues;
using Liveness.Host.Video;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace Liveness.Host.Tests.Pipeline;

/// <summary>The request's second thread reads the motion, the frames found again and the device readings the request's own thread would.</summary>
public sealed class MotionAndSceneLaneTests
{
    [Fact]
    public async Task On_a_real_video_it_gives_the_steps_found_again_frames_and_device_readings_of_the_same_work_done_in_line()
    {
        var (expectedSteps, expectedFoundAgain, expectedDevices) = InLine();

        using var motion = new FaceMotion();
        var devices = new FrameCoverage(0.5, 10);
        IReadOnlyList<FoundAgainFrame> foundAgain;
        await using (var lane = new MotionAndSceneLane(motion, Classify, 100, devices, Scene, new StageTimer(), CancellationToken.None))
        {
            using var video = SampledVideo.Open(TestVideos.Format("h264.mp4"), new VideoOptions(), NullLogger.Instance);
            foreach (var (frame, index) in video.Frames(0.2, CancellationToken.None).Select((frame, index) => (frame, index)))
            {
                await lane.PostAsync(frame.Image, frame.Seconds, Followed(frame.Image, index), [FaceOf(frame.Image)]);
                // The decoder reuses its images: what the lane works on must be its own copy.
                frame.Image.SetTo(Scalar.All(0));
            }

            await lane.CompleteAsync();
            foundAgain = lane.FoundAgainFrames;
        }

        Assert.True(expectedSteps.Count >= 6);
        Assert.Equal(expectedSteps, motion.Steps);
        // Each track is the main face again after the other's turn, and found again there.
        Assert.True(expectedFoundAgain.Count >= 2);
        Assert.Equal(expectedFoundAgain, foundAgain);
        Assert.True(expectedDevices.Count >= 5);
        Assert.Equal(expectedDevices, devices.Scores);
    }

    /// <summary>
    /// Past <c>Pipeline:FoundAgainFrames</c>, a frame the face was found again in is not classified (it still begins a
    /// stretch), but for the last: the stretch that ends the video always has its first frame classified.
    /// </summary>
    [Fact]
    public async Task It_classifies_no_more_frames_found_again_than_it_is_allowed()
    {
        using var motion = new FaceMotion();
        await using var lane = new MotionAndSceneLane(motion, Classify, 1, new FrameCoverage(0.5, 10), null, new StageTimer(), CancellationToken.None);
        using var video = SampledVideo.Open(TestVideos.Format("h264.mp4"), new VideoOptions(), NullLogger.Instance);
        foreach (var (frame, index) in video.Frames(0.2, CancellationToken.None).Select((frame, index) => (frame, index)))
        {
            await lane.PostAsync(frame.Image, frame.Seconds, Followed(frame.Image, index), [FaceOf(frame.Image)]);
        }

        await lane.CompleteAsync();

        var times = motion.FoundAgainOf(1).Concat(motion.FoundAgainOf(2)).Order().ToList();
        Assert.True(times.Count >= 3, string.Join(' ', times));
        var expected = InLine().FoundAgain;
        Assert.Equal(times, expected.Select(frame => frame.Frame.Seconds));
        // The last one's image was kept while later frames came and went: its score is that of its own frame.
        Assert.Equal([expected[0], expected[^1]], lane.FoundAgainFrames);
    }

    [Fact]
    public async Task A_model_failing_on_a_full_lane_is_the_request_s_error_and_never_a_hang()
    {
        var posted = 0;
        var lane = new MotionAndSceneLane(null, Classify, 100, new FrameCoverage(0.01, 100), image =>
        {
            // Fail only once the request's thread waits on a full lane.
            SpinWait.SpinUntil(() => Volatile.Read(ref posted) >= 5, TimeSpan.FromSeconds(10));
            throw LivenessError.CheckFailed("the model backend failed on this video");
        }, new StageTimer(), CancellationToken.None);
        using var video = SampledVideo.Open(TestVideos.Format("h264.mp4"), new VideoOptions(), NullLogger.Instance);

        var run = Task.Run(async () =>
        {
            await using (lane)
            {
                foreach (var frame in video.Frames(0.1, CancellationToken.None))
                {
                    Interlocked.Increment(ref posted);
                    await lane.PostAsync(frame.Image, frame.Seconds, null, [FaceOf(frame.Image)]);
                }

                await lane.CompleteAsync();
            }
        });

        var error = await Assert.ThrowsAsync<LivenessError>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(ErrorKind.CheckFailed, error.Kind);
    }

    [Fact]
    public async Task A_cancelled_request_stops_a_full_lane()
    {
        using var cancel = new CancellationTokenSource();
        using var release = new ManualResetEventSlim();
        var lane = new MotionAndSceneLane(null, Classify, 100, new FrameCoverage(0.01, 100), image =>
        {
            release.Wait(TimeSpan.FromSeconds(10));
            return [];
        }, new StageTimer(), cancel.Token);
        using var video = SampledVideo.Open(TestVideos.Format("h264.mp4"), new VideoOptions(), NullLogger.Instance);

        var run = Task.Run(async () =>
        {
            await using (lane)
            {
                foreach (var frame in video.Frames(0.1, CancellationToken.None))
                {
                    await lane.PostAsync(frame.Image, frame.Seconds, null, [FaceOf(frame.Image)]);
                }
            }
        });
        await Task.Delay(500);
        await cancel.CancelAsync();
        release.Set();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    /// <summary>The same frames, motion, frames found again and device readings, one after the other on this thread.</summary>
    private static (List<MotionStep> Steps, List<FoundAgainFrame> FoundAgain, List<FrameScore> Devices) InLine()
    {
        using var motion = new FaceMotion();
        var foundAgain = new List<FoundAgainFrame>();
        var devices = new FrameCoverage(0.5, 10);
        using var video = SampledVideo.Open(TestVideos.Format("h264.mp4"), new VideoOptions(), NullLogger.Instance);
        foreach (var (frame, index) in video.Frames(0.2, CancellationToken.None).Select((frame, index) => (frame, index)))
        {
            if (Followed(frame.Image, index) is { } main && motion.Observe(frame.Image, frame.Seconds, main.Track, main.Box))
            {
                foundAgain.Add(new FoundAgainFrame(main.Track, new FrameScore(frame.Seconds, Classify(frame.Image, main.Box))));
            }

            if (devices.Wants(frame.Seconds))
            {
                devices.Add(frame.Seconds, DeviceInViewCue.Measure(Scene(frame.Image), FaceOf(frame.Image)));
            }
        }

        return ([.. motion.Steps], foundAgain, [.. devices.Scores]);
    }

    /// <summary>
    /// The main face of the sampled frame <paramref name="index"/> and its track: lost on every seventh, the other of
    /// two tracks from every third.
    /// </summary>
    private static (int Track, FaceBox Box)? Followed(Mat image, int index) => index % 7 == 6 ? null : (1 + index / 3 % 2, FaceOf(image));

    /// <summary>A live probability as bright as the face is: a reading that tells each frame's image apart.</summary>
    private static double Classify(Mat image, FaceBox face)
    {
        using var region = new Mat(image, new Rect((int)face.X, (int)face.Y, (int)face.Width, (int)face.Height));
        return region.Mean().Val0 / 255;
    }

    /// <summary>The middle of the frame, where the clip's face is.</summary>
    private static FaceBox FaceOf(Mat image) => new(image.Width * 0.3f, image.Height * 0.2f, image.Width * 0.4f, image.Height * 0.5f);

    /// <summary>A phone around the face, as sure as the frame is bright: a reading that tells each frame's image apart.</summary>
    private static IReadOnlyList<SceneObject> Scene(Mat image)
    {
        var face = FaceOf(image);
        var phone = new FaceBox(face.X - face.Width / 4, face.Y - face.Height / 4, face.Width * 1.5f, face.Height * 1.5f);
        return [new SceneObject(SceneObjectKind.CellPhone, phone, (float)(image.Mean().Val0 / 255))];
    }
}
