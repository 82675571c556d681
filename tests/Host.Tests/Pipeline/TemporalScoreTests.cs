using Liveness.Host.Pipeline;

namespace Liveness.Host.Tests.Pipeline;

public sealed class TemporalScoreTests
{
    private const double Share = 0.05;

    [Fact]
    public void One_odd_frame_of_a_live_face_does_not_count()
    {
        // Sorted: 0.05 0.96 0.97 0.98 0.99 0.99 0.99 0.99 0.99; the quartile sits on the second lowest.
        Assert.Equal(0.97, Quartile(0.99, 0.98, 0.05, 0.97, 0.99, 0.96, 0.99, 0.99, 0.99), 6);
    }

    [Fact]
    public void A_sustained_stretch_of_spoof_evidence_decides_however_live_the_rest_looks()
    {
        // The first seconds of a replay show the phone's bezel; then the screen fills the view and looks live.
        Assert.Equal(0.1, Quartile(0.02, 0.05, 0.1, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99), 6);
    }

    [Fact]
    public void The_middle_quantile_is_the_median_and_others_interpolate()
    {
        Assert.Equal(0.8, TemporalScore.Of(Spread(0.8, 0.82, 0.05, 0.79, 0.9), [], [], 0.5, Share).Score, 6);
        Assert.Equal(0.5, TemporalScore.Of(Spread(0.4, 0.6), [], [], 0.5, Share).Score, 6);
        Assert.Equal(0.45, Quartile(0.4, 0.6), 6);
        Assert.Equal(0.7, Quartile(0.7), 6);
    }

    /// <summary>
    /// A screen held over the face for its last 0.7 s: the face found again at 3.1 s, that frame classified, and one
    /// frame of the even spread after it. Both are plainly an attack's; the quartile of the spread alone would pass it.
    /// </summary>
    [Fact]
    public void A_stretch_after_the_face_was_found_again_that_is_all_attack_decides()
    {
        var spread = Spread(0.99, 0.99, 0.98, 0.99, 0.99, 0.99, 0.99, 0.0001);

        var (score, stretch) = TemporalScore.Of(spread, [3.1], [new FrameScore(3.1, 0.0004)], 0.25, Share);

        Assert.Equal(0.0004 / Share, score, 9);
        Assert.Equal(new ClassifiedStretch(3.1, 3.5, 2, 0.0004), stretch);
    }

    /// <summary>
    /// A frame found again that the spread classified too (the same container time) begins its stretch and counts
    /// once in it.
    /// </summary>
    [Fact]
    public void A_frame_found_again_that_the_spread_classified_too_begins_its_stretch_and_counts_once()
    {
        var spread = Spread(0.99, 0.99, 0.98, 0.99, 0.99, 0.99, 0.0003, 0.0001);

        var (score, stretch) = TemporalScore.Of(spread, [3.0], [new FrameScore(3.0, 0.0003)], 0.25, Share);

        Assert.Equal(0.0003 / Share, score, 9);
        Assert.Equal(new ClassifiedStretch(3.0, 3.5, 2, 0.0003), stretch);
    }

    /// <summary><c>Fusion:ClassifierStretchShare</c> 0 leaves the quartile alone to score a face.</summary>
    [Fact]
    public void A_share_of_0_switches_the_stretches_off()
    {
        var spread = Spread(0.99, 0.99, 0.98, 0.99, 0.99, 0.99, 0.99, 0.0001);

        Assert.Equal((Quartile(0.99, 0.99, 0.98, 0.99, 0.99, 0.99, 0.99, 0.0001), null), TemporalScore.Of(spread, [3.1], [new FrameScore(3.1, 0.0004)], 0.25, 0));
    }

    /// <summary>A replay for the first second, taken away: the stretch before the face was found again counts as well.</summary>
    [Fact]
    public void A_stretch_before_the_face_was_found_again_counts_too()
    {
        var (score, stretch) = TemporalScore.Of(Spread(0.0001, 0.0003, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99), [0.9], [new FrameScore(0.9, 0.99)], 0.25, Share);

        Assert.Equal(0.0003 / Share, score, 9);
        Assert.Equal(new ClassifiedStretch(0, 0.5, 2, 0.0003), stretch);
    }

    /// <summary>
    /// A stretch counts by its most live frame: one frame of it that the classifier takes for live, or a live face's
    /// odd frame on its own between two finds (a head turned away reads 0.1-0.2), leaves the quartile to decide.
    /// </summary>
    [Fact]
    public void A_stretch_with_one_live_frame_or_a_live_face_s_odd_frame_alone_does_not_count()
    {
        var spread = Spread(0.99, 0.99, 0.98, 0.99, 0.99, 0.99, 0.99, 0.0001);

        Assert.Equal(
            (Quartile(0.99, 0.99, 0.98, 0.99, 0.99, 0.99, 0.99, 0.0001), null),
            TemporalScore.Of(spread, [3.1], [new FrameScore(3.1, 0.92)], 0.25, Share));
        Assert.Equal(
            (Quartile(0.99, 0.99, 0.98, 0.99, 0.99, 0.99, 0.99, 0.99), null),
            TemporalScore.Of(Spread(0.99, 0.99, 0.98, 0.99, 0.99, 0.99, 0.99, 0.99), [1.1, 1.3], [new FrameScore(1.1, 0.12)], 0.25, Share));
    }

    /// <summary>Frames found again are odd moments (a head turning fast): they join the stretches, never the quartile.</summary>
    [Fact]
    public void Frames_found_again_do_not_pull_the_quartile_down()
    {
        var foundAgain = new[] { 0.3, 1.3, 2.3 };
        var frames = foundAgain.Select(seconds => new FrameScore(seconds, 0.4)).ToArray();

        Assert.Equal((0.99, null), TemporalScore.Of(Spread(0.99, 0.99, 0.99, 0.99, 0.99, 0.99), foundAgain, frames, 0.25, Share));
    }

    private static double Quartile(params double[] scores) => TemporalScore.Of(Spread(scores), [], [], 0.25, Share).Score;

    /// <summary>The scores as frames every 0.5 s from 0, as coverage spreads them.</summary>
    private static FrameScore[] Spread(params double[] scores) => [.. scores.Select((score, i) => new FrameScore(i * 0.5, score))];
}
