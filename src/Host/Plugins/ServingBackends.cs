using Liveness.Abstractions;

namespace Liveness.Host.Plugins;

/// <summary>The detector and classifier one request is answered with; a request keeps its snapshot to the end.</summary>
internal sealed record ServingBackends(LoadedBackend DetectorBackend, LoadedBackend ClassifierBackend)
{
    public IFaceDetector Detector => DetectorBackend.Backend.Detector!;

    public ISpoofClassifier Classifier => ClassifierBackend.Backend.Classifier!;
}
