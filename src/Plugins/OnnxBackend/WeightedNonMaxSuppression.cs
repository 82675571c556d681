using Liveness.Abstractions;

namespace Liveness.Plugins.OnnxBackend;

/// <summary>MediaPipe's weighted non-maximum suppression: each cluster of overlapping detections becomes their score-weighted average.</summary>
/// <remarks>
/// Averaging steadies the box from frame to frame more than keeping only the best candidate would.
/// Overlap is intersection over union, which does not change under the letterbox mapping, so frame pixels serve as well as model coordinates.
/// </remarks>
internal static class WeightedNonMaxSuppression
{
    /// <summary>One detection per cluster, most confident first, each with the score of its best member.</summary>
    /// <param name="overlap">Candidates overlapping the best remaining one by more than this join its cluster.</param>
    public static List<DetectedFace> Apply(IEnumerable<DetectedFace> candidates, float overlap)
    {
        var remaining = candidates.OrderByDescending(candidate => candidate.Score).ToList();
        var merged = new List<DetectedFace>();
        while (remaining.Count > 0)
        {
            var best = remaining[0];
            var cluster = new List<DetectedFace> { best };
            var rest = new List<DetectedFace>();
            foreach (var candidate in remaining.Skip(1))
            {
                (candidate.Box.IntersectionOverUnion(best.Box) > overlap ? cluster : rest).Add(candidate);
            }

            merged.Add(Average(cluster, best.Score));
            remaining = rest;
        }

        return merged;
    }

    private static DetectedFace Average(List<DetectedFace> cluster, float score)
    {
        double totalWeight = 0, left = 0, top = 0, right = 0, bottom = 0;
        var keypointCount = cluster[0].Keypoints.Count;
        var keypoints = new double[keypointCount * 2];
        foreach (var face in cluster)
        {
            double weight = face.Score;
            totalWeight += weight;
            left += face.Box.X * weight;
            top += face.Box.Y * weight;
            right += (face.Box.X + face.Box.Width) * weight;
            bottom += (face.Box.Y + face.Box.Height) * weight;
            for (var k = 0; k < keypointCount; k++)
            {
                keypoints[2 * k] += face.Keypoints[k].X * weight;
                keypoints[2 * k + 1] += face.Keypoints[k].Y * weight;
            }
        }

        var box = new FaceBox(
            (float)(left / totalWeight),
            (float)(top / totalWeight),
            (float)((right - left) / totalWeight),
            (float)((bottom - top) / totalWeight));
        var points = new FacePoint[keypointCount];
        for (var k = 0; k < keypointCount; k++)
        {
            points[k] = new FacePoint((float)(keypoints[2 * k] / totalWeight), (float)(keypoints[2 * k + 1] / totalWeight));
        }

        return new DetectedFace(box, score, points);
    }
}
