using Liveness.Host.Pipeline;

namespace Liveness.Host.Tests.Pipeline;

/// <summary>
/// The decision on synthetic compositions of the shared samples (<see cref="SyntheticCompositions"/>), with what the
/// pipeline saw read from its internal details: every face, a main face that changes, black bars, prints.
/// </summary>
[Collection(nameof(ServerCollection))]
public sealed class CompositionDecisionTests(ServerFixture fixture)
{
    private Task<(string Status, DecisionDetails? Details)> DecideAsync(string name) =>
        fixture.Server.DecideAsync(SyntheticCompositions.File(name));

    /// <summary>
    /// Synthetic: a real screen replay on a "phone" beside a live face, then moved over it. The live face passes
    /// on its own; the face on the screen becomes the main face and is judged too.
    /// </summary>
    [Fact]
    public async Task A_phone_moved_over_a_live_face_is_an_attack()
    {
        var (status, details) = await DecideAsync("phone_beside_then_over.mp4");

        Assert.Equal("hack", status);
        Assert.NotNull(details);
        // The live user scores high while the phone is beside them; whether the phone's face then starts a track
        // of its own or the user's track follows it over the face depends on which frames were sampled (the
        // decoder skips non-reference frames). Either way the stretch on the screen is judged and decides.
        Assert.Contains(details.Faces, face => face.Frames.Any(frame => frame.Score > 0.9));
        Assert.True(details.Classifier < 0.05, details.ToString());
        Assert.Contains(details.Cues, cue => cue.Cue == "device_in_view" && cue.Measure > 0.06);
    }

    /// <summary>
    /// Synthetic: the same phone held right over the live face for the video's last 0.8 s, for its first 0.8 s, or
    /// from 1.5 to 2.3 s, on the user's track. Less than a quarter of the face's time, the first quartile of its
    /// frames spread over time passed them (at 0.985, 0.625 and 0.793); the face is found again where the phone
    /// comes or goes, and the stretch between is all the phone's.
    /// </summary>
    [Theory]
    [InlineData("phone_over_face_at_end.mp4")]
    [InlineData("phone_over_face_at_start.mp4")]
    [InlineData("phone_flashed_over_face.mp4")]
    public async Task A_phone_held_over_a_live_face_for_a_second_is_an_attack(string name)
    {
        var (status, details) = await DecideAsync(name);

        Assert.Equal("hack", status);
        var face = Assert.Single(details!.Faces);
        Assert.NotEmpty(face.FoundAgain);
        Assert.True(face.Stretch is { MostLive: < 0.01 }, details.ToString());
        Assert.Contains(face.Frames, frame => frame.Score > 0.9);
    }

    /// <summary>Synthetic: a live clip with black bars above and below (it used to be close to rejected).</summary>
    [Fact]
    public async Task A_letterboxed_live_person_passes()
    {
        var (status, details) = await DecideAsync("letterboxed_live.mp4");

        Assert.Equal("ok", status);
        Assert.True(details!.Classifier > 0.9, details.ToString());
    }

    /// <summary>Synthetic: a still face a fifth of the user's width behind them, as a poster or a bystander: not tracked, not judged.</summary>
    [Fact]
    public async Task A_small_face_in_the_background_does_not_reject_a_live_person()
    {
        var (status, details) = await DecideAsync("poster_behind_live.mp4");

        Assert.Equal("ok", status);
        Assert.Single(details!.Faces);
        Assert.Contains(details.Cues, cue => cue.Cue == "device_in_view" && cue.Measure == 0);
    }

    /// <summary>
    /// Synthetic, a live person whose face was lost for a moment, each time with two faces judged and the live one's
    /// motion read: <c>face_beside_live_hidden.mp4</c>, a photo of another face beside them, large enough to be
    /// tracked and judged, and the user's face hidden behind a card for 0.7 s (the frames where only the photo was
    /// found made it the main face, which had no motion of its own: rejected at 0.0008, micro-motion 0);
    /// <c>live_jolt.mp4</c>, the face jumping 0.7 of its width between two sampled frames late in the video, as a
    /// camera jolted, onto a new track that is the main face moved, and with the whole picture: the same face, its
    /// motion read over both tracks (it used to wait a second for the old track to close and was left too few steps
    /// to show its motion, rejected at 0.0004 with micro-motion 0; then, on a track of its own, its last 1.9 s held
    /// too still, rejected at 0.0066 with micro-motion 0.0034).
    /// </summary>
    [Theory]
    [InlineData("face_beside_live_hidden.mp4")]
    [InlineData("live_jolt.mp4")]
    public async Task A_live_face_lost_for_a_moment_stays_the_main_face(string name)
    {
        var (status, details) = await DecideAsync(name);

        Assert.Equal("ok", status);
        Assert.Equal(2, details!.Faces.Count);
        Assert.Contains(details.Cues, cue => cue.Cue == "micro_motion" && cue.Measure > cue.Threshold);
    }

    /// <summary>
    /// Synthetic: a live frame as a photo, held perfectly still, bent back and forth, or with a surgical mask drawn
    /// over the face and moved gently, or brought up over a live face in front of a still camera, its face near
    /// where the user's was; the classifier takes each for live. The photo brought up becomes the main face at once
    /// and must show motion of its own: the picture around it did not move with it (taken for the user's face seen
    /// after a jolt, it would pass at 0.985 on the user's motion). Brought up right over the user's face, it goes on
    /// on the user's track, and its stretch after the tracker lost the user's corners must show its own motion (on the
    /// user's track as one stretch it passed at 0.988); held over it and lowered again, the steps into and out of it
    /// belong to no stretch (when the step out of it joined its stretch, it passed at 0.990); held there for 0.8 s
    /// only, its three steps between two breaks are judged (too few to be judged as other stretches are, it passed at
    /// 0.988); brought up for the video's last 0.8 s, or shown for its first 0.8 s and taken away, its steps next to
    /// the one break are judged at a lower bar (they passed at 0.988 and 0.993).
    /// </summary>
    [Theory]
    [InlineData("print_still.mp4")]
    [InlineData("print_bent.mp4")]
    [InlineData("masked_print_moved.mp4")]
    [InlineData("print_swapped_in.mp4")]
    [InlineData("print_over_face.mp4")]
    [InlineData("print_over_face_lowered.mp4")]
    [InlineData("print_flashed_over_face.mp4")]
    [InlineData("print_over_face_at_end.mp4")]
    [InlineData("print_over_face_at_start.mp4")]
    public async Task A_print_held_still_bent_masked_or_brought_up_over_a_face_is_rejected(string name)
    {
        var (status, details) = await DecideAsync(name);

        Assert.Equal("hack", status);
        Assert.True(details!.Classifier > 0.5, "the motion rejects it, not the classifier: " + details);
    }

    /// <summary>
    /// Synthetic: a real replay on a phone held up to the camera, bezel, toolbar and hand in view for 2 s, then
    /// filmed closer until the screen fills the frame. The seconds with the device in view count, and so do those
    /// after, where the best-quality frames are.
    /// </summary>
    [Fact]
    public async Task A_phone_filmed_until_its_screen_fills_the_frame_is_an_attack()
    {
        var (status, details) = await DecideAsync("replay_zoom_in.mp4");

        Assert.Equal("hack", status);
        var frames = Assert.Single(details!.Faces).Frames;
        Assert.Contains(frames, frame => frame.Seconds < 2);
        Assert.Contains(frames, frame => frame.Seconds > 3.5);
        Assert.Contains(details.Cues, cue => cue.Cue == "device_in_view" && cue.Measure > 0.06);
    }

    /// <summary>Synthetic: a real replay's screen filling the frame, under a media player's controls over its lower sixth.</summary>
    [Fact]
    public async Task A_full_screen_replay_under_a_players_controls_is_an_attack()
    {
        var (status, details) = await DecideAsync("replay_player_controls.mp4");

        Assert.Equal("hack", status);
        Assert.True(details!.Classifier < 0.5, "the classifier sees the screen through the controls: " + details);
    }

    /// <summary>
    /// Synthetic: a live person still for the first half second, which is darker and then lit at once (an exposure
    /// settling in one step). The optical flow lost the face's corners at the step as if another picture had come,
    /// and the still half second, judged as a short stretch next to a break, rejected the video (0.0017, micro-motion
    /// 0.0029); the step is now measured again relit, and followed.
    /// </summary>
    [Fact]
    public async Task A_live_person_whose_exposure_settles_in_one_step_passes()
    {
        var (status, details) = await DecideAsync("live_exposure_step.mp4");

        Assert.Equal("ok", status);
        Assert.Contains(details!.Cues, cue => cue.Cue == "micro_motion" && cue.Measure > 2 * cue.Threshold);
        Assert.DoesNotContain(Assert.Single(details.Faces).FoundAgain, seconds => seconds < 0.7);
    }

    /// <summary>Synthetic: a live person, the camera moved in to 1.4x halfway through (the whole picture scales as one plane).</summary>
    [Fact]
    public async Task A_live_person_filmed_ever_closer_passes()
    {
        var (status, details) = await DecideAsync("live_zoom_in.mp4");

        Assert.Equal("ok", status);
        Assert.True(details!.Classifier > 0.9, details.ToString());
    }
}
