using Liveness.Abstractions;
using OpenCvSharp;

namespace Liveness.Plugins.PluginSupport;

/// <summary>One MiniFASNet network with its crop scale, whatever runtime runs it.</summary>
public interface IMiniFasNet : IDisposable
{
    /// <summary>The network's softmax probability of the live class for the face in the frame.</summary>
    float LiveProbability(Mat frame, FaceBox face);

    /// <summary>The network's raw scores for the three classes: what the self-test compares with the pinned ones.</summary>
    float[] Logits(Mat frame, FaceBox face);
}

/// <summary>
/// The MiniFASNet pair fused as its authors fuse it: the mean of the two networks' live probabilities. Both
/// backends (ONNX Runtime, TorchSharp) classify with it, so they can differ only in how a network runs.
/// </summary>
public abstract class MiniFasNetPair<TNet>(TNet v2, TNet v1se) : ISpoofClassifier, IDisposable
    where TNet : IMiniFasNet
{
    /// <summary>MiniFASNetV2, on a crop 2.7 times the face box.</summary>
    public TNet V2 { get; } = v2;

    /// <summary>MiniFASNetV1SE, on a crop 4.0 times the face box.</summary>
    public TNet V1SE { get; } = v1se;

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
