namespace Liveness.Abstractions;

/// <summary>The roles a model backend can fill in the pipeline.</summary>
public enum BackendRole
{
    Detector,
    Classifier,

    /// <summary>Finds the objects around the face (a phone, a screen, a person) for the device-in-view cue.</summary>
    SceneDetector,
}
