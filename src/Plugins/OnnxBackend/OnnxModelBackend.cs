using Liveness.Abstractions;

namespace Liveness.Plugins.OnnxBackend;

/// <summary>The ONNX Runtime backend: BlazeFace finds faces, the MiniFASNet pair scores them.</summary>
internal sealed class OnnxModelBackend : IModelBackend
{
    private readonly BlazeFaceDetector _detector;
    private readonly MiniFasNetClassifier _classifier;

    public OnnxModelBackend(BlazeFaceDetector detector, MiniFasNetClassifier classifier)
    {
        _detector = detector;
        _classifier = classifier;
    }

    public IFaceDetector? Detector => _detector;

    public ISpoofClassifier? Classifier => _classifier;

    public void WarmUp()
    {
        var frame = SyntheticFrame.WithFace;
        _detector.Detect(frame.Image);
        _classifier.LiveProbability(frame.Image, frame.Face);
    }

    public SelfTestResult SelfTest() => BackendSelfTest.Run(_detector, _classifier);

    public void Dispose()
    {
        _detector.Dispose();
        _classifier.Dispose();
    }
}
