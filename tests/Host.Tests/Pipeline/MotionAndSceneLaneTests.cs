using Liveness.Abstractions;
using Liveness.Host.Contract;
using Liveness.Host.Metrics;
using Liveness.Host.Pipeline;
using Liveness.Host.Pipeline.Cues;
using Liveness.Host.Video;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace Liveness.Host.Tests.Pipeline;

/// <summary>The request's second thread reads the motion and the device readings the request's own thread would.</summary>
public sealed class MotionAndSceneLaneTests
{
    [Fact]
    public async Task On_a_real_video_it_gives_the_steps_and_device_readings_of_the_same_work_done_in_line()
    {
        var (expectedSteps, expectedDevices) = InLine();

        using var motion = new FaceMotion();
        var devices = new FrameCoverage(0.5, 10);
        await using (var lane = new MotionAndSceneLane(motion, devices, Scene, new StageTimer(), CancellationToken.None))
        {
            // One image for every frame, as the decoder reuses its images: the lane must work on copies.
            using var video = SampledVideo.Open(TestVideos.Format("h264.mp4"), new VideoOptions(), NullLogger.Instance);
            foreach (var frame in video.Frames(0.2, CancellationToken.None))
            {
                var face = FaceOf(frame.Image);
                await lane.PostAsync(frame.Image, frame.Seconds, face, false, [face]);
            }

            await lane.CompleteAsync();
        }

        Assert.True(expectedSteps.Count >= 10);
        Assert.Equal(expectedSteps, motion.Steps);
        Assert.True(expectedDevices.Count >= 5);
        Assert.Equal(expectedDevices, devices.Scores);
    }

    [Fact]
    public async Task A_model_failing_on_the_lane_is_the_request_s_error_and_never_a_hang()
    {
        var calls = 0;
        await using var lane = new MotionAndSceneLane(null, new FrameCoverage(0.01, 100), image =>
            ++calls < 2 ? [] : throw LivenessError.CheckFailed("the model backend failed on this video"), new StageTimer(), CancellationToken.None);
        using var video = SampledVideo.Open(TestVideos.Format("h264.mp4"), new VideoOptions(), NullLogger.Instance);

        var error = await Assert.ThrowsAsync<LivenessError>(async () =>
        {
            foreach (var frame in video.Frames(0.1, CancellationToken.None))
            {
                await lane.PostAsync(frame.Image, frame.Seconds, null, false, [FaceOf(frame.Image)]);
            }

            await lane.CompleteAsync();
        });

        Assert.Equal(ErrorKind.CheckFailed, error.Kind);
    }

    /// <summary>The same frames, motion and device readings, one after the other on this thread.</summary>
    private static (List<MotionStep> Steps, List<FrameScore> Devices) InLine()
    {
        using var motion = new FaceMotion();
        var devices = new FrameCoverage(0.5, 10);
        using var video = SampledVideo.Open(TestVideos.Format("h264.mp4"), new VideoOptions(), NullLogger.Instance);
        foreach (var frame in video.Frames(0.2, CancellationToken.None))
        {
            var face = FaceOf(frame.Image);
            motion.Observe(frame.Image, frame.Seconds, face);
            if (devices.Wants(frame.Seconds))
            {
                devices.Add(frame.Seconds, DeviceInViewCue.Measure(Scene(frame.Image), face));
            }
        }

        return ([.. motion.Steps], [.. devices.Scores]);
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
