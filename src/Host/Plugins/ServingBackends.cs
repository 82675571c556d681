using Liveness.Abstractions;

namespace Liveness.Host.Plugins;

/// <summary>The detector and classifier that serve now; the registry swaps the whole pair at once.</summary>
internal sealed record ServingBackends(LoadedBackend DetectorBackend, LoadedBackend ClassifierBackend)
{
    public IFaceDetector Detector => DetectorBackend.Backend.Detector!;

    public ISpoofClassifier Classifier => ClassifierBackend.Backend.Classifier!;

    /// <summary>The detector and classifier (name@version) that answer, as logged with every request.</summary>
    public string Label => $"{DetectorBackend.Label}+{ClassifierBackend.Label}";
}
