namespace Liveness.Host.Pipeline;

/// <summary>Fuses per-frame live scores into one: the median, so one odd frame (blur, a blink, a bad crop) cannot swing it.</summary>
internal static class ScoreFusion
{
    public static double Median(IReadOnlyList<double> scores)
    {
        if (scores.Count == 0)
        {
            throw new ArgumentException("no scores to fuse", nameof(scores));
        }

        var sorted = scores.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
