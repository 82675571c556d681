namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// The one quantile rule of the pipeline and its cues: linear interpolation between the closest ranks of the sorted
/// values (position <c>(n − 1) × q</c>, the rule of NumPy's default and R's type 7), so that 0.5 is the median.
/// </summary>
internal static class Quantile
{
    public static double Of(IReadOnlyList<double> values, double quantile)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("no values to take a quantile of", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var position = (sorted.Length - 1) * quantile;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    public static double Median(IReadOnlyList<double> values) => Of(values, 0.5);
}
