using System.ComponentModel.DataAnnotations;

namespace Liveness.Host.Pipeline.Cues;

/// <summary>
/// How the classifier's frame scores and the cues make one calibrated <c>liveness_score</c> (section <c>Fusion</c>);
/// the defaults and how they were chosen are in docs/accuracy.md.
/// </summary>
public sealed class FusionOptions : IValidatableObject
{
    public const string Section = "Fusion";

    /// <summary>Calibration: the classifier score's log-odds are multiplied by this...</summary>
    /// <remarks>
    /// Platt scaling fitted on the 115 shared frames and 17 shared videos together (logistic regression of the label
    /// on the log-odds, the cues' penalties as an offset); docs/accuracy.md.
    /// </remarks>
    [Range(0.01, 10.0)]
    public double Slope { get; set; } = 0.62;

    /// <summary>...and this is added, before the cues take their share.</summary>
    [Range(-20.0, 20.0)]
    public double Intercept { get; set; } = -0.06;

    /// <summary>
    /// A face's classifier score is this quantile of its frame scores over time (<see cref="TemporalScore"/>): low,
    /// so that a sustained stretch of spoof evidence counts; 0.5 is their median (the pipeline before issue 12).
    /// </summary>
    [Range(0.0, 1.0)]
    public double ClassifierQuantile { get; set; } = 0.25;

    /// <summary>
    /// A stretch of a face's time between the times it was found again scores its most live frame divided by this
    /// (<see cref="TemporalScore"/>): small, so that only a stretch in which every frame is plainly an attack counts;
    /// 0 leaves the quantile alone to score a face.
    /// </summary>
    [Range(0.0, 1.0)]
    public double ClassifierStretchShare { get; set; } = 0.05;

    /// <summary>Off by default: on the shared frames it finds as many outlines around live faces as around screens.</summary>
    public CueSetting ScreenBorder { get; set; } = new() { Weight = 0, Threshold = 0.5 };

    /// <summary>Off by default: on the shared frames live faces peak as high as replays.</summary>
    public CueSetting Moire { get; set; } = new() { Weight = 0, Threshold = 2.0 };

    public CueSetting Glare { get; set; } = new() { Weight = 2, Threshold = 0.15 };

    public CueSetting PlanarMotion { get; set; } = new() { Weight = 4, Threshold = 0.005 };

    public CueSetting MicroMotion { get; set; } = new() { Weight = 12, Threshold = 0.004 };

    /// <summary>
    /// The scene detector's score for a phone, TV or laptop showing the face; provisional until fused and calibrated:
    /// on the shared frames no live face scored above 0.03 and most replays with the device in view 0.1 to 0.7.
    /// </summary>
    public CueSetting DeviceInView { get; set; } = new() { Weight = 3, Threshold = 0.06 };

    /// <summary>
    /// The video stream's bits per pixel and second (<see cref="StreamBitrateCue"/>): at 0.3 it takes out the attacks
    /// that coarse re-encoding let pass (0.045-0.22), with 2.5 times that to the lowest live video encoded at an ordinary
    /// quality (0.74); a video starved below it is rejected rather than judged.
    /// </summary>
    public CueSetting StreamBitrate { get; set; } = new() { Weight = 8, Threshold = 0.3 };

    /// <summary>The cue settings' own ranges: data annotations alone do not look into nested objects.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, setting) in new[] { (nameof(ScreenBorder), ScreenBorder), (nameof(Moire), Moire), (nameof(Glare), Glare), (nameof(PlanarMotion), PlanarMotion), (nameof(MicroMotion), MicroMotion), (nameof(DeviceInView), DeviceInView), (nameof(StreamBitrate), StreamBitrate) })
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(setting, new ValidationContext(setting), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult($"{Section}:{name}: {result.ErrorMessage}", result.MemberNames.Select(member => $"{name}.{member}"));
            }
        }
    }
}
