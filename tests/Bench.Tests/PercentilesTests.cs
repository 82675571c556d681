namespace Liveness.Bench.Tests;

public sealed class PercentilesTests
{
    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two() =>
        Assert.Equal(2.5, Percentiles.Median([4, 1, 3, 2]));

    [Fact]
    public void A_high_percentile_interpolates_between_the_closest_ranks() =>
        Assert.Equal(99.01, Percentiles.Of(Enumerable.Range(1, 100).Select(value => (double)value), 99), precision: 9);

    [Fact]
    public void No_values_have_no_percentile() =>
        Assert.True(double.IsNaN(Percentiles.Of([], 50)));
}
