using Liveness.Host.Pipeline;

namespace Liveness.Host.Tests.Pipeline;

public sealed class FrameCoverageTests
{
    /// <summary>Offers a face seen in every sampled frame (<paramref name="step"/> apart) for the given time; returns the times classified.</summary>
    private static List<double> Classified(FrameCoverage coverage, double seconds, double step = 0.1)
    {
        var classified = new List<double>();
        for (var i = 0; i * step < seconds - 1e-9; i++)
        {
            if (coverage.Wants(i * step))
            {
                coverage.Add(i * step, 0.9);
                classified.Add(i * step);
            }
        }

        return classified;
    }

    /// <summary>At the host's own sampling (<c>Pipeline:SampleIntervalSeconds</c> 0.2) the first frame at least 0.5 s on is every third: 0.6 s apart.</summary>
    [Fact]
    public void At_the_host_s_sampling_a_face_is_classified_every_third_frame()
    {
        var options = new PipelineOptions();
        var coverage = new FrameCoverage(options.CoverageSeconds, options.CoverageFrames);

        var classified = Classified(coverage, 4.0, options.SampleIntervalSeconds);

        Assert.Equal([0, 0.6, 1.2, 1.8, 2.4, 3, 3.6], classified.Select(t => Math.Round(t, 1)));
    }

    [Fact]
    public void A_short_video_is_classified_every_interval_from_its_first_frame()
    {
        var coverage = new FrameCoverage(0.5, 10);

        var classified = Classified(coverage, 4.5);

        Assert.Equal([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4], classified.Select(t => Math.Round(t, 1)));
        Assert.Equal(9, coverage.Scores.Count);
    }

    [Fact]
    public void A_long_video_keeps_an_even_spread_of_at_most_the_capacity_at_a_bounded_cost()
    {
        var coverage = new FrameCoverage(0.5, 10);

        var classified = Classified(coverage, 60);

        Assert.InRange(coverage.Scores.Count, 5, 10);
        var gaps = coverage.Scores.Zip(coverage.Scores.Skip(1), (a, b) => Math.Round(b.Seconds - a.Seconds, 1)).Distinct().ToArray();
        Assert.Equal([8.0], gaps);
        Assert.Equal(0, coverage.Scores[0].Seconds);
        Assert.True(classified.Count <= 30, $"{classified.Count} classifications for a minute");
    }
}
