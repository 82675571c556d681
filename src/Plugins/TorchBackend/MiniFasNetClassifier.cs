using Liveness.Abstractions;
using Liveness.Plugins.OnnxBackend;

namespace Liveness.Plugins.TorchBackend;

/// <summary>The MiniFASNet pair on libtorch, fused as its authors fuse it: the mean of the two live probabilities.</summary>
internal sealed class MiniFasNetClassifier : ISpoofClassifier, IDisposable
{
    public MiniFasNetClassifier(MiniFasNet v2, MiniFasNet v1se)
    {
        V2 = v2;
        V1SE = v1se;
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
