using Liveness.Abstractions;

namespace Liveness.Tests.ThrowingBackend;

/// <summary>Creates a classifier backend that fails its warm-up, as a plugin with a broken model or runtime would.</summary>
public sealed class ThrowingBackendFactory : IBackendFactory
{
    public IModelBackend Create(BackendContext context) => new Backend();

    private sealed class Backend : IModelBackend, ISpoofClassifier
    {
        public IFaceDetector? Detector => null;

        public ISpoofClassifier? Classifier => this;

        public float LiveProbability(BgrImage frame, FaceBox face) => 1;

        public void WarmUp() => throw new InvalidOperationException("warm-up failed on purpose");

        public SelfTestResult SelfTest() => SelfTestResult.Pass("never reached");

        public void Dispose()
        {
        }
    }
}
