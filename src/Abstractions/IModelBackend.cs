namespace Liveness.Abstractions;

/// <summary>A loaded backend: the roles it fills, ready to serve once <see cref="SelfTest"/> has passed.</summary>
public interface IModelBackend : IDisposable
{
    /// <summary>The detector role, or null when the backend does not fill it.</summary>
    IFaceDetector? Detector { get; }

    /// <summary>The classifier role, or null when the backend does not fill it.</summary>
    ISpoofClassifier? Classifier { get; }

    /// <summary>The scene detector role, or null when the backend does not fill it.</summary>
    ISceneDetector? SceneDetector => null;

    /// <summary>Runs each model once so the first request does not pay for lazy initialisation.</summary>
    void WarmUp();

    /// <summary>Runs each role on known inputs and compares with known outputs; a backend that fails is never served.</summary>
    SelfTestResult SelfTest();
}

/// <summary>The outcome of <see cref="IModelBackend.SelfTest"/>.</summary>
public sealed record SelfTestResult(bool Passed, string Detail)
{
    public static SelfTestResult Pass(string detail) => new(true, detail);

    public static SelfTestResult Fail(string detail) => new(false, detail);
}
