namespace Liveness.Tools.Eval.Tests;

/// <summary>The error rates on tiny sets computed by hand.</summary>
public sealed class ErrorRatesTests
{
    private const double Threshold = 0.5;

    /// <summary>
    /// live 0.9 0.8 0.4; print 0.6 0.2; replay 0.7 0.3 0.1 0.05. At 0.5: one live of three rejected, one print
    /// of two and one replay of four accepted.
    /// </summary>
    private static readonly ErrorRates Mixed = new(
    [
        Live(0.9), Live(0.8), Live(0.4),
        Attack("print", 0.6), Attack("print", 0.2),
        Attack("replay", 0.7), Attack("replay", 0.3), Attack("replay", 0.1), Attack("replay", 0.05),
    ]);

    [Fact]
    public void Rates_at_the_threshold_take_the_worst_attack_type_as_the_apcer()
    {
        Assert.Equal(1.0 / 3, Mixed.Bpcer!.Value, 12);
        Assert.Equal(0.5, Mixed.ApcerByAttack["print"], 12);
        Assert.Equal(0.25, Mixed.ApcerByAttack["replay"], 12);
        Assert.Equal(0.5, Mixed.Apcer!.Value, 12);
        Assert.Equal(2.0 / 6, Mixed.ApcerPooled!.Value, 12);
        Assert.Equal((0.5 + 1.0 / 3) / 2, Mixed.Acer!.Value, 12);
        Assert.Equal(3, Mixed.BonaFideCount);
        Assert.Equal(new Dictionary<string, int> { ["print"] = 2, ["replay"] = 4 }, Mixed.AttacksByType);
    }

    [Fact]
    public void Auc_counts_the_live_scores_above_each_attack_score()
    {
        // 0.9 and 0.8 beat all six attacks; 0.4 beats 0.3, 0.2, 0.1 and 0.05: 16 of 18 pairs.
        Assert.Equal(16.0 / 18, Mixed.Auc!.Value, 12);
    }

    [Fact]
    public void Auc_counts_a_tie_half()
    {
        Assert.Equal(0.5, new ErrorRates([Live(0.5), Attack("print", 0.5)]).Auc!.Value, 12);
        Assert.Equal(0.75, new ErrorRates([Live(0.5), Live(0.9), Attack("print", 0.5)]).Auc!.Value, 12);
    }

    [Fact]
    public void Bpcer_at_an_apcer_is_the_best_threshold_that_keeps_every_attack_type_under_it()
    {
        // APCER <= 0.01 rejects every attack: the lowest such threshold, 0.8, rejects the live 0.4.
        Assert.Equal(1.0 / 3, Mixed.BpcerAtApcer(0.01)!.Value, 12);
        // 0.25 allows the replay at 0.7 (1 of 4) but not the print at 0.6 (1 of 2): still 0.7, still 0.4 rejected.
        Assert.Equal(1.0 / 3, Mixed.BpcerAtApcer(0.25)!.Value, 12);
        // 0.5 allows the print at 0.6 too; threshold 0.4 accepts every live face and no further attack.
        Assert.Equal(0, Mixed.BpcerAtApcer(0.5)!.Value, 12);
    }

    [Fact]
    public void Bpcer_at_a_pooled_apcer_counts_all_attacks_together()
    {
        // At most 1 of 6 attacks (0.167): threshold 0.7 accepts the replay at 0.7 and rejects the live 0.4.
        Assert.Equal(1.0 / 3, Mixed.BpcerAtPooledApcer(0.2)!.Value, 12);
        // 2 of 6: threshold 0.4 accepts 0.7 and 0.6 and every live face.
        Assert.Equal(0, Mixed.BpcerAtPooledApcer(2.0 / 6)!.Value, 12);
    }

    [Fact]
    public void Apcer_at_a_bpcer_is_the_best_threshold_that_keeps_the_live_rejections_under_it()
    {
        // BPCER <= 0.05 means accepting the live 0.4: threshold 0.4 accepts print 0.6 (1/2) and replay 0.7 (1/4).
        Assert.Equal(0.5, Mixed.ApcerAtBpcer(0.05)!.Value, 12);
        Assert.Equal(2.0 / 6, Mixed.PooledApcerAtBpcer(0.05)!.Value, 12);
        // BPCER <= 1/3 allows threshold 0.8: no attack accepted.
        Assert.Equal(0, Mixed.ApcerAtBpcer(1.0 / 3)!.Value, 12);
    }

    [Fact]
    public void The_sweep_runs_from_accepting_everything_to_accepting_nothing()
    {
        Assert.Equal(10, Mixed.Sweep.Count); // nine distinct scores, then +infinity
        Assert.Equal((0.0, 1.0, 1.0), (Mixed.Sweep[0].Bpcer, Mixed.Sweep[0].Apcer, Mixed.Sweep[0].ApcerPooled));
        Assert.Equal((1.0, 0.0, 0.0), (Mixed.Sweep[^1].Bpcer, Mixed.Sweep[^1].Apcer, Mixed.Sweep[^1].ApcerPooled));
        Assert.All(Mixed.Sweep.Zip(Mixed.Sweep.Skip(1)), pair =>
        {
            Assert.True(pair.Second.Bpcer >= pair.First.Bpcer);
            Assert.True(pair.Second.ApcerPooled <= pair.First.ApcerPooled);
        });
    }

    [Fact]
    public void Rates_at_the_threshold_follow_the_decisions_not_the_scores()
    {
        // The API rejects a video whose face was seen too briefly (short_time) whatever a threshold would say.
        var rates = new ErrorRates([new Presentation(true, "", 0.9, Accepted: false), Attack("print", 0.1)]);

        Assert.Equal(1.0, rates.Bpcer);
        Assert.Equal(0.0, rates.BpcerAtApcer(0.01));
    }

    [Fact]
    public void A_set_without_attacks_has_no_apcer_and_no_curve_statistics()
    {
        var rates = new ErrorRates([Live(0.9), Live(0.2)]);

        Assert.Equal(0.5, rates.Bpcer);
        Assert.Null(rates.Apcer);
        Assert.Null(rates.ApcerPooled);
        Assert.Null(rates.Acer);
        Assert.Null(rates.Auc);
        Assert.Null(rates.BpcerAtApcer(0.01));
        Assert.Null(rates.ApcerAtBpcer(0.05));
        Assert.Empty(rates.ApcerByAttack);
    }

    [Fact]
    public void An_empty_set_has_no_rates()
    {
        var rates = new ErrorRates([]);

        Assert.Null(rates.Bpcer);
        Assert.Null(rates.Apcer);
        Assert.Null(rates.Auc);
    }

    private static Presentation Live(double score) => new(true, "", score, score >= Threshold);

    private static Presentation Attack(string type, double score) => new(false, type, score, score >= Threshold);
}
