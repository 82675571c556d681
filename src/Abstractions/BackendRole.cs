namespace Liveness.Abstractions;

/// <summary>The roles a model backend can fill in the pipeline.</summary>
public enum BackendRole
{
    Detector,
    Classifier,
}
