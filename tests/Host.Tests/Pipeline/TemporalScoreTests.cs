using Liveness.Host.Pipeline;

namespace Liveness.Host.Tests.Pipeline;

public sealed class TemporalScoreTests
{
    [Fact]
    public void One_odd_frame_of_a_live_face_does_not_count()
    {
        // Sorted: 0.05 0.96 0.97 0.98 0.99 0.99 0.99 0.99 0.99; the quartile sits on the second lowest.
        Assert.Equal(0.97, TemporalScore.Of([0.99, 0.98, 0.05, 0.97, 0.99, 0.96, 0.99, 0.99, 0.99], 0.25), 6);
    }

    [Fact]
    public void A_sustained_stretch_of_spoof_evidence_decides_however_live_the_rest_looks()
    {
        // The first seconds of a replay show the phone's bezel; then the screen fills the view and looks live.
        Assert.Equal(0.1, TemporalScore.Of([0.02, 0.05, 0.1, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99], 0.25), 6);
    }

    [Fact]
    public void The_middle_quantile_is_the_median_and_others_interpolate()
    {
        Assert.Equal(0.8, TemporalScore.Of([0.8, 0.82, 0.05, 0.79, 0.9], 0.5), 6);
        Assert.Equal(0.5, TemporalScore.Of([0.4, 0.6], 0.5), 6);
        Assert.Equal(0.45, TemporalScore.Of([0.4, 0.6], 0.25), 6);
        Assert.Equal(0.7, TemporalScore.Of([0.7], 0.25), 6);
    }
}
