namespace Liveness.Abstractions;

/// <summary>An object a <see cref="ISceneDetector"/> found: what it is, where, and how sure the detector is.</summary>
/// <param name="Box">In pixels of the frame it was found in.</param>
public sealed record SceneObject(SceneObjectKind Kind, FaceBox Box, float Score);

/// <summary>The kinds of object the scene detector reports; a detector maps its own classes onto these and drops the rest.</summary>
public enum SceneObjectKind
{
    Person,
    CellPhone,

    /// <summary>A TV or monitor.</summary>
    Tv,
    Laptop,

    /// <summary>A book or other printed matter, where a printed photo may be detected.</summary>
    Book,
}
