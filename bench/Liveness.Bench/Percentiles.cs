namespace Liveness.Bench;

/// <summary>Percentiles with linear interpolation between the closest ranks (the median of an even count is the mean of the middle two).</summary>
internal static class Percentiles
{
    public static double Of(IEnumerable<double> values, double percent)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = percent / 100 * (sorted.Length - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

    public static double Median(IEnumerable<double> values) => Of(values, 50);
}
