using Liveness.Abstractions;

namespace Liveness.Host.Plugins;

/// <summary>The backends that serve each role now; the registry swaps them all at once.</summary>
/// <param name="SceneDetectorBackend">Null when no scene detector is configured.</param>
internal sealed record ServingBackends(LoadedBackend DetectorBackend, LoadedBackend ClassifierBackend, LoadedBackend? SceneDetectorBackend)
{
    public IFaceDetector Detector => DetectorBackend.Backend.Detector!;

    public ISpoofClassifier Classifier => ClassifierBackend.Backend.Classifier!;

    /// <summary>The scene detector, or null when none serves: the pipeline then goes without the device-in-view cue.</summary>
    public ISceneDetector? SceneDetector => SceneDetectorBackend?.Backend.SceneDetector;

    /// <summary>Each role's backend, the scene detector's only when there is one; a backend serving two roles is listed twice.</summary>
    public IEnumerable<LoadedBackend> Roles => ByRole.Select(served => served.Backend);

    /// <summary>Each role with its backend, in the order of <see cref="Roles"/>.</summary>
    public IEnumerable<(BackendRole Role, LoadedBackend Backend)> ByRole =>
        SceneDetectorBackend is null
            ? [(BackendRole.Detector, DetectorBackend), (BackendRole.Classifier, ClassifierBackend)]
            : [(BackendRole.Detector, DetectorBackend), (BackendRole.Classifier, ClassifierBackend), (BackendRole.SceneDetector, SceneDetectorBackend)];

    /// <summary>The backends (name@version) that answer, as logged with every request: detector+classifier, then +scene detector when one serves.</summary>
    public string Label => string.Join('+', Roles.Select(backend => backend.Label));

    public bool Serves(LoadedBackend backend) => Roles.Contains(backend);

    /// <summary>Whether <paramref name="backend"/> serves <paramref name="role"/> now.</summary>
    public bool Serves(LoadedBackend backend, BackendRole role) => role switch
    {
        BackendRole.Detector => DetectorBackend == backend,
        BackendRole.Classifier => ClassifierBackend == backend,
        _ => SceneDetectorBackend == backend,
    };

    /// <summary>The same roles with <paramref name="previous"/> replaced by <paramref name="fresh"/> wherever it served.</summary>
    public ServingBackends Replace(LoadedBackend previous, LoadedBackend fresh)
    {
        LoadedBackend Swap(LoadedBackend backend) => backend == previous ? fresh : backend;
        return new ServingBackends(
            Swap(DetectorBackend), Swap(ClassifierBackend), SceneDetectorBackend is null ? null : Swap(SceneDetectorBackend));
    }
}
