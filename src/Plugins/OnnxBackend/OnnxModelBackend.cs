using Liveness.Abstractions;
using Liveness.Plugins.PluginSupport;

namespace Liveness.Plugins.OnnxBackend;

/// <summary>The ONNX Runtime backend: BlazeFace finds faces, the MiniFASNet pair scores them, YOLOX-Nano finds the devices around them.</summary>
internal sealed class OnnxModelBackend : IModelBackend
{
    private readonly BlazeFaceDetector _detector;
    private readonly MiniFasNetClassifier _classifier;
    private readonly YoloxSceneDetector _sceneDetector;

    public OnnxModelBackend(BlazeFaceDetector detector, MiniFasNetClassifier classifier, YoloxSceneDetector sceneDetector)
    {
        _detector = detector;
        _classifier = classifier;
        _sceneDetector = sceneDetector;
    }

    public IFaceDetector? Detector => _detector;

    public ISpoofClassifier? Classifier => _classifier;

    public ISceneDetector? SceneDetector => _sceneDetector;

    public void WarmUp()
    {
        var frame = SyntheticFrame.WithFace;
        _detector.Detect(frame.Image);
        _classifier.LiveProbability(frame.Image, frame.Face);
        _sceneDetector.Detect(SyntheticFrame.PhoneOnWall.Image);
    }

    public SelfTestResult SelfTest() => BackendSelfTest.Run(_detector, _classifier, _sceneDetector);

    public void Dispose()
    {
        _detector.Dispose();
        _classifier.Dispose();
        _sceneDetector.Dispose();
    }
}
