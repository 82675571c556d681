namespace Liveness.Abstractions;

/// <summary>The face detector role: finds faces in a frame.</summary>
/// <remarks>Implementations must be safe to call from several threads at once.</remarks>
public interface IFaceDetector
{
    /// <summary>All faces found, most confident first; empty when there is none.</summary>
    IReadOnlyList<DetectedFace> Detect(BgrImage frame);
}
