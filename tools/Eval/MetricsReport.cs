using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Liveness.Tools.Eval;

/// <summary>Writes <c>metrics.json</c>: the error rates of each measured set, and every sample that failed.</summary>
internal static class MetricsReport
{
    private const double BpcerLevel = 0.05;

    private static readonly double[] ApcerLevels = [0.01, 0.05, 0.10];

    // Relaxed escaping: the file is read by people and JSON parsers, never embedded in HTML.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>What the numbers mean, written into the file so that it can be read on its own.</summary>
    private static readonly (string Key, string Meaning)[] Definitions =
    [
        ("standard", "ISO/IEC 30107-3; live (bona fide) is the positive class; rates are fractions in [0,1]; null where a set lacks live or attack samples"),
        ("apcer", "the worst attack type's APCER (the standard's APCER of the system): the maximum of apcer_by_attack, at the configured threshold"),
        ("apcer_pooled", "all attack presentations accepted as bona fide, whatever their type, at the configured threshold"),
        ("bpcer", "bona fide presentations rejected, at the configured threshold"),
        ("acer", "(apcer + bpcer) / 2, with the worst-case apcer"),
        ("auc", "area under the ROC curve of the scores, live positive; a tie between a live and an attack score counts half"),
        ("bpcer_at_apcer", "the lowest bpcer of any threshold on the scores whose worst-case apcer is at most the key"),
        ("apcer_at_bpcer_5", "the lowest worst-case apcer of any threshold on the scores whose bpcer is at most 0.05"),
        ("bpcer_at_apcer_pooled", "the lowest bpcer of any threshold on the scores whose pooled apcer is at most the key"),
        ("apcer_pooled_at_bpcer_5", "the lowest pooled apcer of any threshold on the scores whose bpcer is at most 0.05"),
        ("decisions", "videos: the API's passed and liveness_score (short_time is a rejection with score 0, as a client sees it); frames: the classifier's score of the largest face, accepted when score >= threshold"),
        ("failures", "samples that could not be measured (an abnormal API answer, no face, a file that cannot be read); counted in count and failed, left out of every rate"),
    ];

    public static void Write(string path, string manifest, double threshold, string backends, IReadOnlyList<MeasuredSet> sets)
    {
        var report = new JsonObject
        {
            ["manifest"] = Path.GetFullPath(manifest),
            ["threshold"] = threshold,
            ["backends"] = backends,
            ["definitions"] = Object(Definitions.Select(definition => (definition.Key, (JsonNode?)definition.Meaning)), sorted: false),
        };
        foreach (var set in sets)
        {
            report[set.Name] = Summary(set);
        }

        report["failures"] = new JsonArray(sets
            .SelectMany(set => set.Outcomes)
            .Where(outcome => outcome.Failed)
            .Select(outcome => (JsonNode)new JsonObject
            {
                ["file"] = outcome.Sample.File,
                ["kind"] = outcome.Sample.KindName,
                ["reason"] = outcome.Reason,
            })
            .ToArray());
        File.WriteAllText(path, report.ToJsonString(Indented) + "\n");
    }

    private static JsonObject Summary(MeasuredSet set)
    {
        var rates = set.Rates;
        return new JsonObject
        {
            ["count"] = set.Outcomes.Count,
            ["failed"] = set.Failed,
            ["bona_fide"] = rates.BonaFideCount,
            ["attacks_by_type"] = Object(rates.AttacksByType.Select(type => (type.Key, (JsonNode?)type.Value))),
            ["statuses"] = Object(set.Outcomes.GroupBy(outcome => outcome.Status).Select(status => (status.Key, (JsonNode?)status.Count()))),
            ["auc"] = Rate(rates.Auc),
            ["apcer"] = Rate(rates.Apcer),
            ["apcer_pooled"] = Rate(rates.ApcerPooled),
            ["bpcer"] = Rate(rates.Bpcer),
            ["acer"] = Rate(rates.Acer),
            ["apcer_by_attack"] = Object(rates.ApcerByAttack.Select(type => (type.Key, Rate(type.Value)))),
            ["bpcer_at_apcer"] = AtLevels(rates.BpcerAtApcer),
            ["apcer_at_bpcer_5"] = Rate(rates.ApcerAtBpcer(BpcerLevel)),
            ["bpcer_at_apcer_pooled"] = AtLevels(rates.BpcerAtPooledApcer),
            ["apcer_pooled_at_bpcer_5"] = Rate(rates.PooledApcerAtBpcer(BpcerLevel)),
        };
    }

    private static JsonObject AtLevels(Func<double, double?> bpcerAtApcer) => Object(
        ApcerLevels.Select(level => (level.ToString("0.00", CultureInfo.InvariantCulture), Rate(bpcerAtApcer(level)))),
        sorted: false);

    private static JsonObject Object(IEnumerable<(string Key, JsonNode? Value)> members, bool sorted = true) =>
        new((sorted ? members.OrderBy(member => member.Key, StringComparer.Ordinal) : members)
            .Select(member => KeyValuePair.Create(member.Key, member.Value)));

    // Six decimals, as the API rounds liveness_score: more would only show floating-point noise.
    private static JsonNode? Rate(double? rate) => rate is { } value ? JsonValue.Create(Math.Round(value, 6)) : null;
}
