using Liveness.Abstractions;
using Liveness.Plugins.PluginSupport;

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

    public static SelfTestResult Run(MiniFasNetClassifier classifier) =>
        SelfTestChecks.Run(
            SelfTestChecks.CheckMiniFasNetPair(classifier, V2Logits, V1SELogits), "both MiniFASNets gave their pinned scores on libtorch");
}
