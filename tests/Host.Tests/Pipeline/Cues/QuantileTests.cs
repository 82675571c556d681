using Liveness.Host.Pipeline.Cues;

namespace Liveness.Host.Tests.Pipeline.Cues;

public sealed class QuantileTests
{
    [Fact]
    public void The_median_ignores_one_odd_frame()
    {
        Assert.Equal(0.8, Quantile.Median([0.8, 0.82, 0.05, 0.79, 0.9]), 6);
        Assert.Equal(0.5, Quantile.Median([0.4, 0.6]), 6);
    }

    /// <summary>Position (n − 1) × q between the sorted values, whatever the order given: the rule every percentile of the pipeline uses.</summary>
    [Fact]
    public void A_quantile_interpolates_between_the_closest_ranks()
    {
        double[] values = [9, 1, 5, 3, 7, 0, 2, 4, 6, 8];

        Assert.Equal(8.1, Quantile.Of(values, 0.9), 9);
        Assert.Equal(6.75, Quantile.Of(values, 0.75), 9);
        Assert.Equal(0, Quantile.Of(values, 0), 9);
        Assert.Equal(9, Quantile.Of(values, 1), 9);
    }

    [Fact]
    public void No_values_have_no_quantile() =>
        Assert.Throws<ArgumentException>(() => Quantile.Of([], 0.5));
}
