using System.Globalization;
using Liveness.Host.Pipeline.Cues;

namespace Liveness.Host.Audit;

/// <summary>
/// One reason behind a decision: a label for the metrics (<c>liveness_rejections_total{reason}</c>) and a short
/// sentence for people (the answer's <c>details.reasons</c>, the audit event).
/// </summary>
internal readonly record struct DecisionReason(string Label, string Text)
{
    public const string Classifier = "classifier";
    public const string ShortTime = "short_time";

    /// <summary>The cues of docs/accuracy.md, by the names the pipeline reads them under.</summary>
    private static readonly IReadOnlyDictionary<string, Func<CueReading, string>> CueTexts = new Dictionary<string, Func<CueReading, string>>
    {
        [CueName.ScreenBorder] = _ => "a screen or print border around the face in most of its best frames",
        [CueName.Moire] = cue => Invariant($"a moiré or pixel-grid pattern on the face (peak {cue.Measure:0.##} above its ring, threshold {cue.Threshold:0.##})"),
        [CueName.Glare] = cue => Invariant($"a flat glare patch over {cue.Measure:0%} of the face (threshold {cue.Threshold:0%})"),
        [CueName.PlanarMotion] = cue => Invariant($"the face moves as one plane with its surroundings (residual {cue.Measure:0.####}, threshold {cue.Threshold:0.####})"),
        [CueName.MicroMotion] = cue => cue.Measure == 0
            ? "no non-rigid face motion at all: a rigid picture, or a main face followed too briefly (under five steps) to see it move"
            : Invariant($"little non-rigid face motion (residual {cue.Measure:0.####}, threshold {cue.Threshold:0.####})"),
        [CueName.DeviceInView] = cue => Invariant($"a face on a device (phone, TV or laptop) in view (detector score {cue.Measure:0.##}, threshold {cue.Threshold:0.##})"),
        [CueName.StreamBitrate] = cue => Invariant($"a video stream too compressed to judge the face's motion ({cue.Measure:0.###} bits per pixel and second, threshold {cue.Threshold:0.###})"),
    };

    /// <summary>Every label a rejection can be counted under: the metric publishes each at 0 before traffic.</summary>
    public static IReadOnlyList<string> RejectionLabels { get; } = [Classifier, ShortTime, .. CueTexts.Keys];

    public static DecisionReason Of(CueReading cue) =>
        new(cue.Cue, CueTexts.TryGetValue(cue.Cue, out var text)
            ? text(cue)
            : Invariant($"{cue.Cue} measured {cue.Measure:0.####}, past its threshold {cue.Threshold:0.####}"));

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
