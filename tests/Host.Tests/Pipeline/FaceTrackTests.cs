using Liveness.Abstractions;
using Liveness.Host.Pipeline;

namespace Liveness.Host.Tests.Pipeline;

public sealed class FaceTrackTests
{
    private static DetectedFace Face(float x, float y, float size) => new(new FaceBox(x, y, size, size), 0.9f, []);

    [Fact]
    public void The_main_face_is_the_largest_and_is_followed_even_when_another_grows_larger()
    {
        var track = new FaceTrack();

        var first = track.Follow(0.0, [Face(0, 0, 50), Face(200, 200, 100)]);
        var second = track.Follow(0.1, [Face(0, 0, 150), Face(205, 200, 100)]);

        Assert.Equal(200, first!.Box.X);
        Assert.Equal(205, second!.Box.X);
    }

    [Fact]
    public void Visible_time_counts_the_sampled_frames_with_a_face_until_the_next_sample()
    {
        var track = new FaceTrack();
        for (var i = 0; i < 50; i++)
        {
            IReadOnlyList<DetectedFace> faces = i is >= 10 and < 30 ? [Face(10, 10, 80)] : [];
            track.Follow(i * 0.1, faces);
        }

        Assert.Equal(2.0, track.VisibleSeconds(5.0), 6);
    }

    [Fact]
    public void The_last_sighting_counts_until_the_end_of_the_video()
    {
        var track = new FaceTrack();
        track.Follow(0.0, []);
        track.Follow(1.0, [Face(10, 10, 80)]);

        Assert.Equal(3.0, track.VisibleSeconds(4.0), 6);
    }
}
