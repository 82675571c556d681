using System.Text.RegularExpressions;

namespace Liveness.Host.Tests.Deploy;

/// <summary>The figures of <c>docs/benchmarks.md</c> that the deployment is sized from.</summary>
internal static partial class BenchmarkFigures
{
    /// <summary>Requests in flight in the benchmarks' largest concurrent run.</summary>
    public const int MostClients = 8;

    /// <summary>The cores of the benchmarks' machine, which every figure is for.</summary>
    public const int Cores = 2;

    /// <summary>The highest peak RSS of one host with <see cref="MostClients"/> in flight, over every clip and run of the current figures.</summary>
    public static int PeakMiB { get; } = ReadPeakMiB();

    private static int ReadPeakMiB()
    {
        var text = File.ReadAllText(Path.Combine(SharedFiles.RepositoryRoot(), "docs", "benchmarks.md"));
        var current = text[text.IndexOf("### Current figures", StringComparison.Ordinal)..];
        current = current[..current.IndexOf("\n####", StringComparison.Ordinal)];
        var peaks = current.Split('\n')
            .Where(row => row.Split('|', StringSplitOptions.TrimEntries) is [_, _, var clients, ..] && clients == $"{MostClients}")
            .SelectMany(row => PeakCell().Matches(row).SelectMany(match => match.Groups[2].Value.Split(", ").Append(match.Groups[1].Value)))
            .Select(int.Parse)
            .ToList();
        Assert.True(peaks.Count > 0, $"no {MostClients}-client peak RSS in docs/benchmarks.md's current figures");
        return peaks.Max();
    }

    [GeneratedRegex(@"\*\*(\d+) MiB\*\* \(([\d, ]+)\)")]
    private static partial Regex PeakCell();
}
