using System.Globalization;
using Liveness.Abstractions;
using Liveness.Plugins.OnnxBackend;

namespace Liveness.Plugins.TorchBackend;

/// <summary>Checks that the loaded checkpoints are the pinned models, each in its role, before the backend serves.</summary>
/// <remarks>
/// The expected logits were recorded once from the sha256-pinned checkpoints on the synthetic face crop; they agree
/// with the ONNX backend's, recorded from the exported models, to 1e-5. Other weights, a network wired differently or
/// broken preprocessing give different numbers.
/// </remarks>
internal static class BackendSelfTest
{
    private static readonly float[] V2Logits = [-6.877753f, 1.3883429f, 5.488639f];
    private static readonly float[] V1SELogits = [-5.940605f, 6.2898045f, -0.35174307f];

    // Room for the float rounding of other CPUs' kernels, far below what other weights or a preprocessing slip move.
    private const float LogitTolerance = 1e-3f;

    public static SelfTestResult Run(MiniFasNetClassifier classifier)
    {
        try
        {
            var problems = Check(classifier).ToList();
            return problems.Count == 0
                ? SelfTestResult.Pass("both MiniFASNets gave their pinned scores on libtorch")
                : SelfTestResult.Fail(string.Join("; ", problems));
        }
        catch (Exception ex)
        {
            // A broken runtime can make a run throw rather than answer wrongly: that is a failure too, not a crash.
            return SelfTestResult.Fail($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static IEnumerable<string> Check(MiniFasNetClassifier classifier)
    {
        foreach (var (network, expected) in new[] { (classifier.V2, V2Logits), (classifier.V1SE, V1SELogits) })
        {
            using var frame = SyntheticFrame.FaceCrop.Image.AsMat();
            var logits = network.Logits(frame, SyntheticFrame.FaceCrop.Face);
            if (logits.Length != expected.Length || logits.Zip(expected).Any(pair => Math.Abs(pair.First - pair.Second) > LogitTolerance))
            {
                yield return $"{network.Architecture.Name} scored the drawn face {Format(logits)}, not {Format(expected)}";
            }
        }

        var gray = SyntheticFrame.FlatGray;
        var live = classifier.LiveProbability(gray.Image, gray.Face);
        if (!(live is >= 0 and <= 1))
        {
            yield return FormattableString.Invariant($"the classifier gave a flat gray frame a live probability of {live}");
        }
    }

    private static string Format(IEnumerable<float> values) =>
        "[" + string.Join(", ", values.Select(value => value.ToString("G8", CultureInfo.InvariantCulture))) + "]";
}
