using Liveness.Plugins.PluginSupport;
using Microsoft.ML.OnnxRuntime;

namespace Liveness.Plugins.OnnxBackend;

/// <summary>The MiniFASNet pair on ONNX Runtime, each network on the crop scale the authors trained it with.</summary>
internal sealed class MiniFasNetClassifier(InferenceSession v2, InferenceSession v1se)
    : MiniFasNetPair<MiniFasNet>(new MiniFasNet(v2, V2CropScale), new MiniFasNet(v1se, V1SECropScale))
{
    // The scales the authors trained each network with (the 2.7 and 4_0 in the file names).
    private const double V2CropScale = 2.7;
    private const double V1SECropScale = 4.0;
}
