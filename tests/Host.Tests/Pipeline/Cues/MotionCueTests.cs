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
        Assert.True(Measure(steps) < Defaults.MicroMotion.Threshold / 2, $"micro {Measure(steps)}");
        Assert.True(PlanarMotionCue.Measure(steps) < Defaults.PlanarMotion.Threshold / 2, $"planar {PlanarMotionCue.Measure(steps)}");
    }

    [Fact]
    public void A_face_that_moves_within_itself_reads_as_non_rigid()
    {
        var steps = Track(Frames(deform: true));

        Assert.True(Measure(steps) > Defaults.MicroMotion.Threshold * 2, $"micro {Measure(steps)}");
    }

    /// <summary>Too few steps to see a face move is no motion, never a free pass: the cue fails closed.</summary>
    [Fact]
    public void A_face_that_does_not_move_gives_no_planar_reading_and_too_few_steps_read_as_no_motion()
    {
        var still = Enumerable.Repeat(new MotionStep(0.001, 0.001, 0.001), 10).ToArray();
        var live = Enumerable.Repeat(new MotionStep(0.02, 0.05, 0.05), 10).ToArray();

        Assert.Null(PlanarMotionCue.Measure(still));
        Assert.Equal(0.001, Measure(still), 9);
        Assert.Equal(0.05, Measure(live), 9);
        Assert.Equal(0, Measure(live[..4]));
        Assert.Equal(0, Measure(live[..2], live[..2]));
    }

    /// <summary>
    /// A live stretch and then, after a break, a still one of five steps or more (a print brought up over the face at
    /// the same spot): the still stretch is judged on its own, at <see cref="MicroMotionCue.StretchShare"/> of the
    /// bar. A still stretch too short to show anything, or one as still as a still live person, does not reject.
    /// </summary>
    [Fact]
    public void A_still_stretch_after_a_break_is_judged_on_its_own()
    {
        var live = Enumerable.Repeat(new MotionStep(0.02, 0.05, 0.05), 8).ToArray();
        var print = Enumerable.Repeat(new MotionStep(0.01, 0.0005, 0.0005), 7).ToArray();
        var stillLive = Enumerable.Repeat(new MotionStep(0.01, 0.0034, 0.0034), 7).ToArray();

        Assert.Equal(0.0005 / MicroMotionCue.StretchShare, Measure(live, print), 9);
        Assert.True(Measure(live, print) < Defaults.MicroMotion.Threshold / 2);
        Assert.True(Measure(live, print[..4]) > Defaults.MicroMotion.Threshold * 2);
        Assert.True(Measure(live, stillLive) > Defaults.MicroMotion.Threshold * 1.2);
        Assert.True(Measure([.. live, .. print]) > Defaults.MicroMotion.Threshold * 2, "one stretch: the live steps carry it");
        Assert.True(Measure(live, print, live) < Defaults.MicroMotion.Threshold / 2, "lowered again, the print is still judged");
    }

    /// <summary>
    /// A still stretch too short to be judged on its own, between two breaks (a print held over the face for under a
    /// second and taken away), is judged from two steps; with no break beside it, or of one step, it is not. Live
    /// steps between breaks (the stillest measured on the shared videos, 0.015-0.018) pass.
    /// </summary>
    [Fact]
    public void A_still_stretch_between_two_breaks_is_judged_from_two_steps()
    {
        var live = Stretch(Enumerable.Repeat(new MotionStep(0.02, 0.05, 0.05), 8));
        var print = Enumerable.Repeat(new MotionStep(0.01, 0.0005, 0.0005), 3).ToArray();
        var liveAfter = Stretch(Enumerable.Repeat(new MotionStep(0.02, 0.05, 0.05), 6));

        Assert.True(Measure(live, Stretch(print, afterBreak: true, beforeBreak: true), liveAfter) < Defaults.MicroMotion.Threshold / 2);
        Assert.True(Measure(live, Stretch(print[..2], afterBreak: true, beforeBreak: true), liveAfter) < Defaults.MicroMotion.Threshold / 2);
        Assert.True(Measure(live, Stretch(print[..1], afterBreak: true, beforeBreak: true), liveAfter) > Defaults.MicroMotion.Threshold * 2);
        Assert.True(Measure(live, Stretch(print)) > Defaults.MicroMotion.Threshold * 2);
        var quickTurn = Stretch([new MotionStep(0.05, 0.0177, 0.02), new MotionStep(0.05, 0.0154, 0.02)], afterBreak: true, beforeBreak: true);
        Assert.True(Measure(live, quickTurn, liveAfter) > Defaults.MicroMotion.Threshold * 2);
    }

    /// <summary>
    /// A short stretch with a break on one side only (a print shown over the face for the video's first or last
    /// second) is judged from two steps at <see cref="MicroMotionCue.ShortStretchShare"/>: a print's (0.0007 at most
    /// measured) is rejected, the stillest live face's next to a break (0.0025) passes, which the bar of a longer
    /// stretch would nearly reject. One step is not judged.
    /// </summary>
    [Fact]
    public void A_short_stretch_next_to_one_break_is_judged_at_a_lower_bar()
    {
        var live = Stretch(Enumerable.Repeat(new MotionStep(0.02, 0.05, 0.05), 10));
        var print = Stretch(Enumerable.Repeat(new MotionStep(0.01, 0.0006, 0.0006), 2), afterBreak: true);
        var stillLive = Stretch(Enumerable.Repeat(new MotionStep(0.01, 0.0025, 0.0025), 2), afterBreak: true);

        Assert.Equal(0.0006 / MicroMotionCue.ShortStretchShare, Measure(live, print), 9);
        Assert.True(Measure(live, print) < Defaults.MicroMotion.Threshold / 1.5);
        Assert.True(Measure(live, stillLive) > Defaults.MicroMotion.Threshold * 1.5);
        Assert.True(Measure(live, Stretch(print.Steps.Take(1), afterBreak: true)) > Defaults.MicroMotion.Threshold * 2);
        Assert.True(stillLive.Steps[0].FaceResidual / MicroMotionCue.StretchShare < Defaults.MicroMotion.Threshold * 1.1);
        var printFirst = Stretch(print.Steps, beforeBreak: true);
        Assert.Equal(0.0006 / MicroMotionCue.ShortStretchShare, Measure(printFirst, live), 9);
        Assert.True(Measure(Stretch(stillLive.Steps, beforeBreak: true), live) > Defaults.MicroMotion.Threshold * 1.5);
    }

    /// <summary>
    /// Another picture for a frame twice (the face's corners cannot be followed into it or out of it): the two steps
    /// between them are a stretch between breaks; those before the first and after the second are not. Into and out of
    /// the second, the optical flow finds 8 of the face's 80 corners again and 4 of them agree: counted against the 8,
    /// the face would read as followed through it.
    /// </summary>
    [Fact]
    public void Steps_between_two_lost_frames_are_a_stretch_between_breaks()
    {
        var frames = Frames(deform: true);
        using var motion = TrackWithOtherPictureAt(frames, 3, 7);

        // Steps 0-1 and 1-2; 4-5 and 5-6 between the two other pictures; 8-9 to the end.
        var stretches = motion.StretchesOf(1);
        Assert.Equal([2, 2, frames.Count - 9], stretches.Select(stretch => stretch.Steps.Count));
        Assert.Equal([false, true, false], stretches.Select(stretch => stretch.BetweenBreaks));
        Assert.Equal([false, true, true], stretches.Select(stretch => stretch.AfterBreak));
        Assert.Equal([true, true, false], stretches.Select(stretch => stretch.BeforeBreak));
        // Each picture after a lost step is where the face was found again: the other one, and the face after it.
        Assert.Equal([3, 4, 7, 8], motion.FoundAgainOf(1).Select(seconds => (int)Math.Round(seconds / FaceMotion.StepSeconds)));
        frames.ForEach(frame => frame.Image.Dispose());
    }

    /// <summary>
    /// A frame the face's corners cannot be followed into (another picture) ends a stretch, and a new one starts after
    /// it; the steps into and out of it, when measured at all, count for the whole face but for no stretch.
    /// </summary>
    [Fact]
    public void A_step_whose_corners_are_lost_starts_a_new_stretch()
    {
        var frames = Frames(deform: true);
        using var motion = TrackWithOtherPictureAt(frames, 6);

        // Steps 0-1 to 4-5, then 7-8 to 10-11: the two into and out of the other picture belong to no stretch.
        var stretches = motion.StretchesOf(1);
        Assert.Equal([5, 4], stretches.Select(stretch => stretch.Steps.Count));
        Assert.Equal([6, 7], motion.FoundAgainOf(1).Select(seconds => (int)Math.Round(seconds / FaceMotion.StepSeconds)));
        Assert.DoesNotContain(stretches, stretch => stretch.BetweenBreaks);
        Assert.InRange(motion.StepsOf(1).Count, 9, 11);
        frames.ForEach(frame => frame.Image.Dispose());
    }

    /// <summary>
    /// A face that shows too few corners to follow (here a flat patch for the first six frames, as a face in dim light
    /// or smoothed hard shows) gives no step, and each such step is a break: another picture may have taken its place
    /// unseen, so the stretch after it is one after a break, judged from two steps, and each such frame is found
    /// again. Counting them as no break let a print or a phone shown over a face in dim light for a second pass
    /// (docs/accuracy.md).
    /// </summary>
    [Fact]
    public void A_step_the_face_shows_too_few_corners_in_is_a_break()
    {
        var frames = Frames(deform: true);
        for (var i = 0; i < 6; i++)
        {
            using var face = new Mat(frames[i].Image, ImageRegion.Of(frames[i].Face, frames[i].Image.Width, frames[i].Image.Height));
            face.SetTo(Cv2.Mean(face));
        }

        using var motion = new FaceMotion();
        for (var i = 0; i < frames.Count; i++)
        {
            motion.Observe(frames[i].Image, i * FaceMotion.StepSeconds, 1, frames[i].Face);
        }

        var stretch = Assert.Single(motion.StretchesOf(1));
        Assert.Equal(frames.Count - 6 - 1, stretch.Steps.Count);
        Assert.True(stretch.AfterBreak);
        Assert.Equal(frames.Count - 6 - 1, motion.StepsOf(1).Count);
        Assert.Equal([1, 2, 3, 4, 5, 6], motion.FoundAgainOf(1).Select(seconds => (int)Math.Round(seconds / FaceMotion.StepSeconds)));
        frames.ForEach(frame => frame.Image.Dispose());
    }

    /// <summary>
    /// The whole picture darker from one frame on (an exposure settling in one step, a light switched off) is the same
    /// face: the step is measured again relit, followed, and the face is never found again.
    /// </summary>
    [Fact]
    public void A_step_in_the_whole_picture_s_brightness_does_not_lose_the_face()
    {
        var frames = Frames(deform: true);
        using var motion = new FaceMotion();
        for (var i = 0; i < frames.Count; i++)
        {
            using var lit = new Mat();
            frames[i].Image.ConvertTo(lit, MatType.CV_8UC3, i < 6 ? 1.0 : 0.55, i < 6 ? 0 : -10);
            motion.Observe(lit, i * FaceMotion.StepSeconds, 1, frames[i].Face);
        }

        Assert.Empty(motion.FoundAgainOf(1));
        Assert.Equal(frames.Count - 1, Assert.Single(motion.StretchesOf(1)).Steps.Count);
        frames.ForEach(frame => frame.Image.Dispose());
    }

    /// <summary>
    /// A live face followed long enough, then another main face for three frames: that track has too few steps to show
    /// motion of its own, and the least live of the main faces decides. A live clip cannot lend its motion to it;
    /// only the same face on two tracks (the camera moved, <see cref="Host.Pipeline.FaceTrack.Face"/>) is read as one.
    /// </summary>
    [Fact]
    public void Each_main_face_must_show_its_own_motion()
    {
        var frames = Frames(deform: true);
        using var motion = new FaceMotion();
        for (var i = 0; i < frames.Count; i++)
        {
            motion.Observe(frames[i].Image, i * FaceMotion.StepSeconds, track: i < frames.Count - 3 ? 1 : 2, frames[i].Face);
        }

        var both = Assert.Single(MotionCues.Read(motion, [[1], [2]], Defaults), reading => reading.Cue == CueName.MicroMotion);
        var first = Assert.Single(MotionCues.Read(motion, [[1]], Defaults), reading => reading.Cue == CueName.MicroMotion);
        var one = Assert.Single(MotionCues.Read(motion, [[1, 2]], Defaults), reading => reading.Cue == CueName.MicroMotion);

        Assert.Equal(frames.Count - 4, Assert.Single(motion.StretchesOf(1)).Steps.Count);
        Assert.Equal(2, Assert.Single(motion.StretchesOf(2)).Steps.Count);
        Assert.True(first.Evidence < 0.01, $"evidence {first.Evidence}");
        Assert.True(one.Evidence < 0.01, $"evidence {one.Evidence}");
        Assert.Equal(0, both.Measure);
        Assert.True(both.Evidence > 0.99, $"evidence {both.Evidence}");
        Assert.DoesNotContain(MotionCues.Read(motion, [[1], [2]], new FusionOptions { MicroMotion = { Weight = 0 } }), reading => reading.Cue == CueName.MicroMotion);
        frames.ForEach(frame => frame.Image.Dispose());
    }

    /// <summary>
    /// Each chain of steps is tracked at its own face's scale: a face as wide as the frame, seen first, does not make
    /// the main face after it be tracked at a quarter of its own scale. Its steps are those it has alone.
    /// </summary>
    [Fact]
    public void A_chain_is_tracked_at_its_own_face_s_scale_whatever_came_before()
    {
        var frames = Frames(deform: true);
        using var alone = new FaceMotion();
        using var after = new FaceMotion();
        after.Observe(frames[0].Image, 0, track: 1, new FaceBox(0, 0, 640, 480));
        for (var i = 0; i < frames.Count; i++)
        {
            alone.Observe(frames[i].Image, (i + 1) * FaceMotion.StepSeconds, 2, frames[i].Face);
            after.Observe(frames[i].Image, (i + 1) * FaceMotion.StepSeconds, 2, frames[i].Face);
        }

        Assert.Equal(frames.Count - 1, after.StepsOf(2).Count);
        Assert.Equal(alone.StepsOf(2), after.StepsOf(2));
        frames.ForEach(frame => frame.Image.Dispose());
    }

    /// <summary>
    /// One sampled frame without the face is bridged (a step of 0.4 s); two in a row break the chain, and the face
    /// is found again after them, as it is when its track was the main face again after another's.
    /// </summary>
    [Fact]
    public void A_frame_without_the_face_is_bridged_and_after_a_longer_gap_the_face_is_found_again()
    {
        var frames = Frames(deform: false);
        using (var bridged = new FaceMotion())
        using (var broken = new FaceMotion())
        using (var handedBack = new FaceMotion())
        {
            var foundAgain = new List<int>();
            for (var i = 0; i < frames.Count; i++)
            {
                if (i != 5 && bridged.Observe(frames[i].Image, i * FaceMotion.StepSeconds, 1, frames[i].Face))
                {
                    foundAgain.Add(i);
                }

                if (i is not (5 or 6) && broken.Observe(frames[i].Image, i * FaceMotion.StepSeconds, 1, frames[i].Face))
                {
                    foundAgain.Add(100 + i);
                }

                handedBack.Observe(frames[i].Image, i * FaceMotion.StepSeconds, i is 5 or 6 ? 2 : 1, frames[i].Face);
            }

            Assert.Equal(frames.Count - 2, bridged.Steps.Count);
            Assert.Equal(frames.Count - 4, broken.Steps.Count);
            Assert.Equal([107], foundAgain);
            Assert.Equal(7 * FaceMotion.StepSeconds, Assert.Single(broken.FoundAgainOf(1)), 6);
            Assert.Empty(bridged.FoundAgainOf(1));
            Assert.Equal(7 * FaceMotion.StepSeconds, Assert.Single(handedBack.FoundAgainOf(1)), 6);
            Assert.Empty(handedBack.FoundAgainOf(2));
        }

        frames.ForEach(frame => frame.Image.Dispose());
    }

    /// <summary>The cue's measure of one face whose steps came in these stretches, each a chain of its own.</summary>
    private static double Measure(params IReadOnlyList<MotionStep>[] stretches) =>
        Measure([.. stretches.Select(stretch => Stretch(stretch))]);

    private static double Measure(params MotionStretch[] stretches) =>
        MicroMotionCue.Measure([.. stretches.SelectMany(stretch => stretch.Steps)], stretches);

    private static MotionStretch Stretch(IEnumerable<MotionStep> steps, bool afterBreak = false, bool beforeBreak = false)
    {
        var stretch = new MotionStretch(afterBreak);
        foreach (var step in steps)
        {
            stretch.Add(step);
        }

        if (beforeBreak)
        {
            stretch.EndWithBreak();
        }

        return stretch;
    }

    /// <summary>The frames tracked as track 1, each a step apart, with another picture in place of those at <paramref name="others"/>.</summary>
    private static FaceMotion TrackWithOtherPictureAt(IReadOnlyList<(Mat Image, FaceBox Face)> frames, params int[] others)
    {
        using var other = Cv2.ImRead(SharedFiles.Sample("frames/vid_tranvanluyt220_real_f0.png"));
        using var otherSized = new Mat();
        Cv2.Resize(other, otherSized, new Size(640, 480));
        var motion = new FaceMotion();
        for (var i = 0; i < frames.Count; i++)
        {
            motion.Observe(others.Contains(i) ? otherSized : frames[i].Image, i * FaceMotion.StepSeconds, 1, frames[i].Face);
        }

        return motion;
    }

    private static List<MotionStep> Track(IReadOnlyList<(Mat Image, FaceBox Face)> frames)
    {
        using var motion = new FaceMotion();
        var seconds = 0.0;
        foreach (var (image, face) in frames)
        {
            motion.Observe(image, seconds, 1, face);
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
