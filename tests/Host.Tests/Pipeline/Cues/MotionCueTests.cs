using Liveness.Abstractions;
using Liveness.Host.Pipeline.Cues;
using OpenCvSharp;

namespace Liveness.Host.Tests.Pipeline.Cues;

/// <summary>
/// <see cref="FaceMotion"/> on frames whose motion is known: a real face photo moved as one plane (a print in a
/// hand), and the same photo whose mouth and eyes move on their own (a live face).
/// </summary>
public sealed class MotionCueTests
{
    private static readonly FusionOptions Defaults = new();

    [Fact]
    public void A_photo_moved_as_one_plane_reads_as_planar_and_rigid()
    {
        var steps = Track(Frames(deform: false));

        Assert.True(steps.Count >= 8, $"{steps.Count} steps");
        Assert.All(steps, step => Assert.True(step.Motion > 0.01, $"motion {step.Motion}"));
        Assert.True(MicroMotionCue.Measure(steps) < Defaults.MicroMotion.Threshold / 2, $"micro {MicroMotionCue.Measure(steps)}");
        Assert.True(PlanarMotionCue.Measure(steps) < Defaults.PlanarMotion.Threshold / 2, $"planar {PlanarMotionCue.Measure(steps)}");
    }

    [Fact]
    public void A_face_that_moves_within_itself_reads_as_non_rigid()
    {
        var steps = Track(Frames(deform: true));

        Assert.True(MicroMotionCue.Measure(steps) > Defaults.MicroMotion.Threshold * 2, $"micro {MicroMotionCue.Measure(steps)}");
    }

    [Fact]
    public void A_face_that_does_not_move_gives_no_planar_reading_and_too_few_steps_no_reading_at_all()
    {
        var still = Enumerable.Repeat(new MotionStep(0.001, 0.001, 0.001), 10).ToArray();

        Assert.Null(PlanarMotionCue.Measure(still));
        Assert.NotNull(MicroMotionCue.Measure(still));
        Assert.Null(MicroMotionCue.Measure(still[..4]));
    }

    /// <summary>Too few steps to see the face move is no motion for the fusion, never a free pass: the video path fails closed.</summary>
    [Fact]
    public void A_video_with_too_few_motion_steps_reads_as_no_motion_at_all()
    {
        var live = Enumerable.Repeat(new MotionStep(0.02, 0.05, 0.05), 4).ToArray();

        var micro = Assert.Single(MotionCues.Read(live, Defaults), reading => reading.Cue == CueName.MicroMotion);

        Assert.Equal(0, micro.Measure);
        Assert.True(micro.Evidence > 0.99, $"evidence {micro.Evidence}");
        Assert.DoesNotContain(MotionCues.Read(live, new FusionOptions { MicroMotion = { Weight = 0 } }), reading => reading.Cue == CueName.MicroMotion);
    }

    [Fact]
    public void A_frame_without_the_face_breaks_the_chain()
    {
        var frames = Frames(deform: false);
        using var motion = new FaceMotion();
        for (var i = 0; i < frames.Count; i++)
        {
            motion.Observe(frames[i].Image, i * FaceMotion.StepSeconds, i == 5 ? null : frames[i].Face);
        }

        Assert.Equal(frames.Count - 3, motion.Steps.Count);
        foreach (var frame in frames)
        {
            frame.Image.Dispose();
        }
    }

    private static List<MotionStep> Track(IReadOnlyList<(Mat Image, FaceBox Face)> frames)
    {
        using var motion = new FaceMotion();
        var seconds = 0.0;
        foreach (var (image, face) in frames)
        {
            motion.Observe(image, seconds, face);
            seconds += FaceMotion.StepSeconds;
            image.Dispose();
        }

        return [.. motion.Steps];
    }

    /// <summary>
    /// Twelve frames of a shared live frame (640x480) drifting and zooming as a whole; with <paramref name="deform"/>
    /// the band of the eyes and the mouth also slide sideways against the rest of the face, alternately.
    /// </summary>
    private static List<(Mat Image, FaceBox Face)> Frames(bool deform)
    {
        using var photo = Cv2.ImRead(SharedFiles.Sample("frames/vid_lestari15_real_f0.png"));
        using var source = new Mat();
        Cv2.Resize(photo, source, new Size(640, 480));
        var face = new FaceBox(200, 110, 240, 260);
        var frames = new List<(Mat, FaceBox)>();
        for (var i = 0; i < 12; i++)
        {
            using var moving = source.Clone();
            if (deform)
            {
                var shift = i % 2 == 0 ? 6 : -6;
                foreach (var band in new[] { new Rect(250, 170, 140, 40), new Rect(260, 300, 120, 40) })
                {
                    using var part = new Mat(source, band).Clone();
                    part.CopyTo(moving[new Rect(band.X + shift, band.Y, band.Width, band.Height)]);
                }
            }

            var scale = 1 + 0.02 * i;
            var (dx, dy) = (8.0 * i, 3.0 * i);
            using var warp = Mat.FromArray(new double[,] { { scale, 0, dx - 320 * (scale - 1) }, { 0, scale, dy - 240 * (scale - 1) } });
            var image = new Mat();
            Cv2.WarpAffine(moving, image, warp, moving.Size(), InterpolationFlags.Linear, BorderTypes.Reflect);
            var centreX = (face.X + face.Width / 2 - 320) * scale + 320 + dx;
            var centreY = (face.Y + face.Height / 2 - 240) * scale + 240 + dy;
            frames.Add((image, new FaceBox(
                (float)(centreX - face.Width * scale / 2), (float)(centreY - face.Height * scale / 2),
                (float)(face.Width * scale), (float)(face.Height * scale))));
        }

        return frames;
    }
}
