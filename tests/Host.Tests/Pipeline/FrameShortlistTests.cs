using Liveness.Abstractions;
using Liveness.Host.Pipeline;
using OpenCvSharp;

namespace Liveness.Host.Tests.Pipeline;

public sealed class FrameShortlistTests
{
    [Fact]
    public void It_keeps_the_best_frames_best_first_each_with_its_own_copy()
    {
        using var image = new Mat(10, 10, MatType.CV_8UC3, Scalar.All(0));
        using var shortlist = new FrameShortlist(3);
        var face = new DetectedFace(new FaceBox(0, 0, 5, 5), 1, []);

        foreach (var (seconds, quality) in new[] { (0.0, 0.2), (0.1, 0.9), (0.2, 0.1), (0.3, 0.5), (0.4, 0.7) })
        {
            image.SetTo(Scalar.All(seconds * 100));
            shortlist.Offer(image, seconds, 1, face, quality);
        }

        Assert.Equal([0.9, 0.7, 0.5], shortlist.Frames.Select(frame => frame.Quality));
        Assert.Equal(10, shortlist.Frames[0].Image.At<Vec3b>(0, 0).Item0); // the copy taken at 0.1 s
    }

    [Fact]
    public void A_profile_is_less_frontal_than_a_frontal_face()
    {
        var frontal = new DetectedFace(new FaceBox(0, 0, 100, 100), 1, [new(30, 40), new(70, 40), new(50, 60)]);
        var profile = new DetectedFace(new FaceBox(0, 0, 100, 100), 1, [new(30, 40), new(70, 40), new(68, 60)]);

        Assert.Equal(1.0, FrameQuality.Frontality(frontal), 6);
        Assert.True(FrameQuality.Frontality(profile) < 0.2);
    }
}
