using System.Text.RegularExpressions;

namespace Liveness.Host.Tests.Deploy;

/// <summary>The figures of <c>docs/benchmarks.md</c> that the deployment is sized from.</summary>
internal static partial class BenchmarkFigures
{
    /// <summary>Requests in flight in the benchmarks' largest concurrent run.</summary>
    public const int MostClients = 8;

    /// <summary>The cores of the benchmarks' machine, which every figure is for.</summary>
    public const int Cores = 2;

    /// <summary>
    /// The highest peak memory of one host and its decoder processes with <see cref="MostClients"/> in flight, the
    /// figure a container's limit counts, over the runs of the current figures (issue 17's).
    /// </summary>
    public static int PeakMiB { get; } = ReadPeakMiB();

    private static int ReadPeakMiB()
    {
        var text = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot(), "docs", "benchmarks.md"));
        var current = text[text.IndexOf("### Issue 17", StringComparison.Ordinal)..];
        current = current[..current.IndexOf("\n### ", StringComparison.Ordinal)];
        var peaks = PeakSentence().Matches(current).Select(match => int.Parse(match.Groups[1].Value)).ToList();
        Assert.True(peaks.Count > 0, "no peak PSS of host and decoders in docs/benchmarks.md's issue 17 figures");
        return peaks.Max();
    }

    [GeneratedRegex(@"peak PSS of host and decoders: \*\*(\d+) MiB\*\*")]
    private static partial Regex PeakSentence();
}
