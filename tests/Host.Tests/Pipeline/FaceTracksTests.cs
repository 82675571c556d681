using Liveness.Abstractions;
using Liveness.Host.Pipeline;

namespace Liveness.Host.Tests.Pipeline;

public sealed class FaceTracksTests
{
    private static DetectedFace Face(float x, float y, float size) => new(new FaceBox(x, y, size, size), 0.9f, []);

    private static FaceTracks Tracks() => new(new PipelineOptions());

    [Fact]
    public void The_main_face_is_the_largest_and_is_followed_even_when_another_grows_larger()
    {
        var tracks = Tracks();

        var first = tracks.Follow(0.0, [Face(0, 0, 50), Face(200, 200, 100)]);
        var second = tracks.Follow(0.1, [Face(0, 0, 150), Face(205, 200, 100)]);

        Assert.Equal(200, first!.Box.X);
        Assert.Equal(205, second!.Box.X);
    }

    [Fact]
    public void Every_face_at_least_the_set_share_of_the_largest_is_tracked_and_a_smaller_one_is_not()
    {
        var tracks = Tracks();

        // 100 px: the user; 40 px: a phone held beside them (0.4 of the largest); 30 px: a bystander far behind (0.3).
        tracks.Follow(0.0, [Face(0, 0, 100), Face(300, 0, 40), Face(500, 0, 30)]);
        tracks.Follow(0.1, [Face(2, 0, 100), Face(301, 0, 40), Face(500, 0, 30)]);

        Assert.Equal(2, tracks.All.Count);
        Assert.Equal([2f, 301f], tracks.Current.Select(tracked => tracked.Face.Box.X).Order().ToArray());
    }

    [Fact]
    public void When_the_main_face_is_gone_for_over_a_second_the_largest_face_in_view_takes_over_on_its_own_track()
    {
        var tracks = Tracks();
        tracks.Follow(0.0, [Face(0, 0, 100), Face(300, 0, 60)]);
        var user = tracks.Main!;

        // A phone moves over the user's face: it is now the only face, somewhere else and larger.
        var covered = tracks.Follow(0.1, [Face(150, 0, 120)]);
        var stillCovered = tracks.Follow(1.0, [Face(151, 0, 120)]);
        var phone = tracks.Follow(1.1, [Face(152, 0, 120)]);

        Assert.Null(covered);
        Assert.Null(stillCovered);
        Assert.Equal(152, phone!.Box.X);
        Assert.NotSame(user, tracks.Main);
        Assert.True(user.WasMain);
        Assert.True(tracks.Main!.WasMain);
        Assert.Equal(0.1, tracks.Main.FirstSeconds, 6);
        Assert.Equal(3, tracks.All.Count);
    }

    /// <summary>
    /// A frame where the detector missed the user (a head turned away, a blur) hands the main face to nobody, and the
    /// user's last size still decides what is tracked: a poster smaller than the share of the user is not, though it
    /// is the largest face of that frame.
    /// </summary>
    [Fact]
    public void A_frame_where_the_user_is_missed_changes_neither_the_main_face_nor_what_is_tracked()
    {
        var tracks = Tracks();
        // 100 px: the user; 60 px: someone beside them (0.6); 30 px: a poster on the wall (0.3, under the share).
        tracks.Follow(0.0, [Face(0, 0, 100), Face(300, 0, 60), Face(500, 0, 30)]);
        var user = tracks.Main!;

        var missed = tracks.Follow(0.2, [Face(301, 0, 60), Face(500, 0, 30)]);
        var back = tracks.Follow(0.4, [Face(3, 0, 100), Face(302, 0, 60), Face(500, 0, 30)]);

        Assert.Null(missed);
        Assert.Equal(3, back!.Box.X);
        Assert.Same(user, tracks.Main);
        Assert.Equal(2, tracks.All.Count);
        Assert.False(tracks.All.Single(track => track != user).WasMain);
    }

    /// <summary>The main face's last size counts only while it is out of view: in view, it is measured as it is now.</summary>
    [Fact]
    public void A_main_face_that_shrinks_stays_tracked_even_when_only_the_largest_face_is()
    {
        var tracks = new FaceTracks(new PipelineOptions { TrackedFaceShare = 1 });
        tracks.Follow(0.0, [Face(0, 0, 100)]);

        var smaller = tracks.Follow(0.2, [Face(1, 1, 96)]);

        Assert.Equal(96, smaller!.Box.Width);
        Assert.Single(tracks.All);
    }

    /// <summary>A head turned fast moves the face past any overlap with its last box: it is the main face moved, not a stranger.</summary>
    [Fact]
    public void A_main_face_that_moved_too_fast_to_overlap_stays_the_main_face_on_a_new_track()
    {
        var tracks = Tracks();
        tracks.Follow(0.0, [Face(0, 0, 100), Face(400, 0, 60)]);
        var user = tracks.Main!;

        var moved = tracks.Follow(0.2, [Face(85, 5, 90), Face(401, 0, 60)]);

        Assert.Equal(85, moved!.Box.X);
        Assert.NotSame(user, tracks.Main);
        Assert.Equal(tracks.Main!.Id, tracks.Main.Face);
        Assert.False(tracks.All.Single(track => track.Last.Box.X == 401).WasMain);
    }

    /// <summary>
    /// The face moved 80 px right and 5 px up (centre to centre). When the whole picture moved so too (a camera
    /// jolted), the new track is the same face as the old; when it did not, or no one translation explains it (a face
    /// swapped in front of a still camera, a new picture), it is a face of its own. The picture is asked only then.
    /// </summary>
    [Theory]
    [InlineData(78f, -4f, true)]
    [InlineData(0f, 0f, false)]
    [InlineData(40f, 0f, false)]
    [InlineData(null, null, false)]
    public void A_main_face_that_moved_with_the_whole_picture_is_the_same_face_on_its_new_track(float? shiftX, float? shiftY, bool same)
    {
        var tracks = Tracks();
        var asked = 0;
        FacePoint? Shift()
        {
            asked++;
            return shiftX is { } x ? new FacePoint(x, shiftY!.Value) : null;
        }

        tracks.Follow(0.0, [Face(0, 0, 100)], Shift);
        tracks.Follow(0.2, [Face(2, 0, 100)], Shift);
        var user = tracks.Main!;
        Assert.Equal(0, asked);

        tracks.Follow(0.4, [Face(87, 0, 90)], Shift);

        Assert.Equal(1, asked);
        Assert.NotSame(user, tracks.Main);
        Assert.Equal(same ? user : null, tracks.Main!.CameraMovedFrom);
        Assert.Equal(same ? user.Id : tracks.Main.Id, tracks.Main.Face);
    }

    /// <summary>Only a face of about the main face's size near where it was last seen is taken for it moved.</summary>
    [Theory]
    [InlineData(260, 100)] // as large, but 2.6 widths away: someone else walked in
    [InlineData(80, 60)] // near, but 0.6 of its width: a photo held up beside the user
    public void A_new_face_too_far_or_too_small_does_not_take_the_main_face_while_it_is_missed(float x, float size)
    {
        var tracks = Tracks();
        tracks.Follow(0.0, [Face(0, 0, 100)]);
        var user = tracks.Main!;

        var missed = tracks.Follow(0.2, [Face(x, 0, size)]);

        Assert.Null(missed);
        Assert.Same(user, tracks.Main);
    }

    [Fact]
    public void A_face_missed_for_a_frame_keeps_its_track()
    {
        var tracks = Tracks();
        tracks.Follow(0.0, [Face(10, 10, 80)]);
        tracks.Follow(0.1, []);
        tracks.Follow(0.2, [Face(12, 10, 80)]);

        Assert.Single(tracks.All);
        Assert.Equal(0.2, tracks.Main!.LastSeconds, 6);
    }

    [Fact]
    public void Visible_time_counts_the_sampled_frames_with_a_face_until_the_next_sample()
    {
        var tracks = Tracks();
        for (var i = 0; i < 50; i++)
        {
            IReadOnlyList<DetectedFace> faces = i is >= 10 and < 30 ? [Face(10, 10, 80)] : [];
            tracks.Follow(i * 0.1, faces);
        }

        Assert.Equal(2.0, tracks.VisibleSeconds(5.0), 6);
    }

    [Fact]
    public void The_last_sighting_counts_until_the_end_of_the_video_for_at_most_a_second()
    {
        var tracks = Tracks();
        tracks.Follow(0.0, []);
        tracks.Follow(1.0, [Face(10, 10, 80)]);

        Assert.Equal(0.6, tracks.VisibleSeconds(1.6), 6);
        Assert.Equal(1.0, tracks.VisibleSeconds(4.0), 6);
    }

    /// <summary>A photo sent as a frame every few seconds was never followed between them: each sighting counts a second at most.</summary>
    [Fact]
    public void Sightings_seconds_apart_count_a_second_each()
    {
        var tracks = Tracks();
        tracks.Follow(0.0, [Face(10, 10, 80)]);
        tracks.Follow(4.0, [Face(10, 10, 80)]);

        Assert.Equal(1.04, tracks.VisibleSeconds(4.04), 6);
        Assert.Equal(2, tracks.All.Count);
    }
}
