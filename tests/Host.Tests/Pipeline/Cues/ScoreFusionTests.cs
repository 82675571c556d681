using System.ComponentModel.DataAnnotations;
using Liveness.Host.Pipeline;
using Liveness.Host.Pipeline.Cues;

namespace Liveness.Host.Tests.Pipeline.Cues;

public sealed class ScoreFusionTests
{
    private static readonly FusionOptions Uncalibrated = new() { Slope = 1, Intercept = 0 };

    [Fact]
    public void Without_cues_and_calibration_the_score_is_the_classifier_score()
    {
        Assert.Equal(0.8, ScoreFusion.Fuse(0.8, [], Uncalibrated), 9);
    }

    [Fact]
    public void Calibration_scales_and_shifts_the_log_odds()
    {
        var options = new FusionOptions { Slope = 0.5, Intercept = -1 };

        // logit(0.9) = ln 9; 0.5 ln 9 - 1 = ln 3 - 1.
        Assert.Equal(1 / (1 + Math.Exp(-(Math.Log(3) - 1))), ScoreFusion.Fuse(0.9, [], options), 9);
    }

    [Fact]
    public void Each_cue_takes_its_weight_times_its_evidence_off_the_log_odds()
    {
        var setting = new CueSetting { Weight = 2, Threshold = 1 };
        var sure = CueReading.Of("glare", 100, setting, softness: 1);
        var half = CueReading.Of("glare", 1, setting, softness: 1);

        Assert.Equal(0.5, half.Evidence, 9);
        Assert.Equal(1, sure.Evidence, 9);
        Assert.Equal(1 / (1 + Math.Exp(-(Math.Log(9) - 2 - 1))), ScoreFusion.Fuse(0.9, [sure, half], Uncalibrated), 9);
    }

    [Fact]
    public void A_cue_whose_attack_side_is_low_fires_below_its_threshold()
    {
        var setting = new CueSetting { Weight = 1, Threshold = 0.0025 };

        Assert.True(CueReading.Of("micro_motion", 0.0005, setting, 0.0003, attackBelow: true).Evidence > 0.99);
        Assert.True(CueReading.Of("micro_motion", 0.0050, setting, 0.0003, attackBelow: true).Evidence < 0.01);
    }

    [Fact]
    public void Extreme_classifier_scores_stay_finite()
    {
        Assert.InRange(ScoreFusion.Fuse(1.0, [], new FusionOptions()), 0.99, 1.0);
        Assert.InRange(ScoreFusion.Fuse(0.0, [], new FusionOptions()), 0.0, 0.01);
    }

    /// <summary>Every cue's setting, by its property name: each must be among those <see cref="FusionOptions.Validate"/> looks into.</summary>
    public static TheoryData<string> CueSettings() =>
        new(typeof(FusionOptions).GetProperties().Where(property => property.PropertyType == typeof(CueSetting)).Select(property => property.Name));

    [Theory]
    [MemberData(nameof(CueSettings))]
    public void A_cue_setting_out_of_its_range_is_refused_with_its_full_name(string cue)
    {
        var options = new FusionOptions();
        typeof(FusionOptions).GetProperty(cue)!.SetValue(options, new CueSetting { Weight = 51, Threshold = 0.15 });
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains($"Fusion:{cue}:", Assert.Single(results).ErrorMessage, StringComparison.Ordinal);
        var defaults = new FusionOptions();
        Assert.True(Validator.TryValidateObject(defaults, new ValidationContext(defaults), [], validateAllProperties: true));
    }
}
