using System.Globalization;
using Liveness.Abstractions;

namespace Liveness.Plugins.PluginSupport;

/// <summary>What every backend's self-test does the same way: one result from its checks, and the MiniFASNet pair's check.</summary>
public static class SelfTestChecks
{
    // Room for the float rounding of other CPUs' kernels, far below what other weights or a preprocessing slip move.
    private const float LogitTolerance = 1e-3f;

    /// <summary>Passes with <paramref name="passed"/> when the checks find no problem, fails with the problems otherwise.</summary>
    /// <param name="problems">Enumerated here, lazily: a check that throws fails the self-test rather than the load.</param>
    public static SelfTestResult Run(IEnumerable<string> problems, string passed)
    {
        ArgumentNullException.ThrowIfNull(problems);
        try
        {
            var found = problems.ToList();
            return found.Count == 0 ? SelfTestResult.Pass(passed) : SelfTestResult.Fail(string.Join("; ", found));
        }
        catch (Exception ex)
        {
            // A wrong file or a broken runtime can make a run throw rather than answer wrongly: that is a failure too, not a crash.
            return SelfTestResult.Fail($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>
    /// Each network's logits on the synthetic face crop against the pinned ones, and a live probability on flat gray.
    /// </summary>
    /// <param name="unusable">Why a network cannot be run at all (a file of another shape), checked before running it.</param>
    public static IEnumerable<string> CheckMiniFasNetPair<TNet>(
        MiniFasNetPair<TNet> pair, float[] v2Logits, float[] v1seLogits, Func<TNet, string?>? unusable = null)
        where TNet : IMiniFasNet
    {
        ArgumentNullException.ThrowIfNull(pair);
        foreach (var (name, network, expected) in new[] { ("MiniFASNetV2", pair.V2, v2Logits), ("MiniFASNetV1SE", pair.V1SE, v1seLogits) })
        {
            if (unusable?.Invoke(network) is { } reason)
            {
                yield return $"{name}: {reason}";
                continue;
            }

            using var frame = SyntheticFrame.FaceCrop.Image.AsMat();
            var logits = network.Logits(frame, SyntheticFrame.FaceCrop.Face);
            if (logits.Length != expected.Length || logits.Zip(expected).Any(values => Math.Abs(values.First - values.Second) > LogitTolerance))
            {
                yield return $"{name} scored the drawn face {Format(logits)}, not {Format(expected)}";
            }
        }

        var gray = SyntheticFrame.FlatGray;
        var live = pair.LiveProbability(gray.Image, gray.Face);
        if (!(live is >= 0 and <= 1))
        {
            yield return FormattableString.Invariant($"the classifier gave a flat gray frame a live probability of {live}");
        }
    }

    /// <summary>Numbers as a self-test detail shows them: invariant, enough digits to tell a pinned value from a near miss.</summary>
    public static string Format(IEnumerable<float> values) =>
        "[" + string.Join(", ", values.Select(value => value.ToString("G8", CultureInfo.InvariantCulture))) + "]";
}
