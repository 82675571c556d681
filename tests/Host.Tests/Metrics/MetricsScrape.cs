using System.Globalization;
using System.Text.RegularExpressions;

namespace Liveness.Host.Tests.Metrics;

/// <summary>One scrape of <c>/metrics</c> in Prometheus' text format: every sample, by name and labels.</summary>
internal sealed partial class MetricsScrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> samples = [];

    public static async Task<MetricsScrape> OfAsync(LivenessServer server) => Parse(await server.AdminClient.GetStringAsync("/metrics"));

    public static MetricsScrape Parse(string text)
    {
        var scrape = new MetricsScrape();
        foreach (var line in text.Split('\n').Where(line => line.Length > 0 && line[0] != '#'))
        {
            var match = Sample().Match(line);
            Assert.True(match.Success, $"not a sample line: {line}");
            var labels = Label().Matches(match.Groups["labels"].Value).ToDictionary(label => label.Groups[1].Value, label => label.Groups[2].Value);
            scrape.samples.Add((match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }

        return scrape;
    }

    /// <summary>The sum of the samples of <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        samples.Where(sample => sample.Name == name && labels.All(label => sample.Labels.GetValueOrDefault(label.Key) == label.Value))
            .Sum(sample => sample.Value);

    public bool Has(string name) => samples.Any(sample => sample.Name == name);

    /// <summary>Whether a sample of <paramref name="name"/> with exactly these labels (and possibly <c>le</c>) exists.</summary>
    public bool HasSeries(string name, params (string Key, string Value)[] labels) =>
        samples.Any(sample => sample.Name == name && labels.All(label => sample.Labels.GetValueOrDefault(label.Key) == label.Value));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)")]
    private static partial Regex Sample();

    [GeneratedRegex("""(\w+)="((?:[^"\\]|\\.)*)"?""")]
    private static partial Regex Label();
}
