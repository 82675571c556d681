using Liveness.Abstractions;
using Liveness.Plugins.OnnxBackend;

namespace Liveness.OnnxBackend.Tests;

public sealed class WeightedNonMaxSuppressionTests
{
    private static DetectedFace Face(float x, float y, float size, float score) =>
        new(new FaceBox(x, y, size, size), score, [new FacePoint(x, y), new FacePoint(x + size, y + size)]);

    [Fact]
    public void Merges_overlapping_candidates_into_their_score_weighted_average()
    {
        var merged = WeightedNonMaxSuppression.Apply([Face(10, 10, 100, 0.6f), Face(20, 20, 100, 0.9f)], 0.3f);

        var face = Assert.Single(merged);
        Assert.Equal(0.9f, face.Score);
        // Weights 0.9 and 0.6: every coordinate moves 40% of the way from the better candidate toward the other.
        Assert.Equal(16, face.Box.X, 4);
        Assert.Equal(16, face.Box.Y, 4);
        Assert.Equal(100, face.Box.Width, 4);
        Assert.Equal(new FacePoint(16, 16), face.Keypoints[0]);
        Assert.Equal(116, face.Keypoints[1].X, 4);
    }

    [Fact]
    public void Keeps_separate_faces_apart_best_first()
    {
        var merged = WeightedNonMaxSuppression.Apply(
            [Face(0, 0, 50, 0.7f), Face(200, 0, 50, 0.95f), Face(5, 0, 50, 0.8f), Face(400, 0, 50, 0.6f)], 0.3f);

        Assert.Equal([0.95f, 0.8f, 0.6f], merged.Select(face => face.Score));
        Assert.Equal(200, merged[0].Box.X);
        Assert.InRange(merged[1].Box.X, 0, 5);
    }

    [Fact]
    public void Leaves_a_candidate_that_overlaps_too_little_on_its_own()
    {
        // Intersection 25x50 over union 75x50: an IoU of 1/3, just over 0.3; shifted a bit more, it is under.
        Assert.Single(WeightedNonMaxSuppression.Apply([Face(0, 0, 50, 0.9f), Face(25, 0, 50, 0.8f)], 0.3f));
        Assert.Equal(2, WeightedNonMaxSuppression.Apply([Face(0, 0, 50, 0.9f), Face(28, 0, 50, 0.8f)], 0.3f).Count);
    }
}
