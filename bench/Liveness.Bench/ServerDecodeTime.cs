using System.Globalization;
using System.Text.RegularExpressions;

namespace Liveness.Bench;

/// <summary>
/// The server's own decode time per request, from its Prometheus histogram <c>liveness_stage_duration_seconds</c>
/// (stage <c>decode</c>): the sum and count read before and after the measured phase.
/// </summary>
internal sealed partial class ServerDecodeTime(HttpClient client, Uri metrics)
{
    private (double Sum, double Count) before;

    public async Task StartAsync(CancellationToken cancellationToken) => before = await ReadAsync(cancellationToken);

    /// <summary>Mean milliseconds of decode stage per request of the measured phase.</summary>
    public async Task<double> StopAsync(CancellationToken cancellationToken)
    {
        var after = await ReadAsync(cancellationToken);
        var count = after.Count - before.Count;
        return count > 0 ? (after.Sum - before.Sum) / count * 1000 : double.NaN;
    }

    private async Task<(double Sum, double Count)> ReadAsync(CancellationToken cancellationToken)
    {
        var text = await client.GetStringAsync(metrics, cancellationToken);
        double Value(string series) => Sample().Matches(text)
            .Where(match => match.Groups["series"].Value == series)
            .Select(match => double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Single();
        return (Value("sum"), Value("count"));
    }

    [GeneratedRegex("""^liveness_stage_duration_seconds_(?<series>sum|count)\{stage="decode"\} (?<value>\S+)$""", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Sample();
}
