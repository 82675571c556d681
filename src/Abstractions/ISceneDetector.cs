namespace Liveness.Abstractions;

/// <summary>The scene detector role: finds the objects in a frame that could show a face (a phone, a screen, a book) and people.</summary>
/// <remarks>Implementations must be safe to call from several threads at once.</remarks>
public interface ISceneDetector
{
    /// <summary>The objects of the kinds in <see cref="SceneObjectKind"/> found in the frame, most confident first.</summary>
    IReadOnlyList<SceneObject> Detect(BgrImage frame);
}
