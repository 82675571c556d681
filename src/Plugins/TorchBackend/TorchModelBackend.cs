using Liveness.Abstractions;
using Liveness.Plugins.PluginSupport;

namespace Liveness.Plugins.TorchBackend;

/// <summary>The TorchSharp backend: the MiniFASNet pair scores faces; it finds none itself.</summary>
internal sealed class TorchModelBackend : IModelBackend
{
    private readonly MiniFasNetClassifier _classifier;

    public TorchModelBackend(MiniFasNetClassifier classifier)
    {
        _classifier = classifier;
    }

    public IFaceDetector? Detector => null;

    public ISpoofClassifier? Classifier => _classifier;

    public void WarmUp()
    {
        var frame = SyntheticFrame.WithFace;
        _classifier.LiveProbability(frame.Image, frame.Face);
    }

    public SelfTestResult SelfTest() => BackendSelfTest.Run(_classifier);

    public void Dispose() => _classifier.Dispose();
}
