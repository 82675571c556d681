using Liveness.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace Liveness.Plugins.OnnxBackend;

/// <summary>The MiniFASNet pair fused as its authors fuse it: the mean of the two networks' live probabilities.</summary>
internal sealed class MiniFasNetClassifier : ISpoofClassifier, IDisposable
{
    // The scales the authors trained each network with (the 2.7 and 4_0 in the file names).
    private const double V2CropScale = 2.7;
    private const double V1SECropScale = 4.0;

    /// <param name="v2">A session on MiniFASNetV2.</param>
    /// <param name="v1se">A session on MiniFASNetV1SE.</param>
    public MiniFasNetClassifier(InferenceSession v2, InferenceSession v1se)
    {
        V2 = new MiniFasNet(v2, V2CropScale);
        V1SE = new MiniFasNet(v1se, V1SECropScale);
    }

    internal MiniFasNet V2 { get; }

    internal MiniFasNet V1SE { get; }

    public float LiveProbability(BgrImage frame, FaceBox face)
    {
        using var image = frame.AsMat();
        return (V2.LiveProbability(image, face) + V1SE.LiveProbability(image, face)) / 2;
    }

    public void Dispose()
    {
        V2.Dispose();
        V1SE.Dispose();
    }
}
