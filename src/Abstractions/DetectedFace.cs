namespace Liveness.Abstractions;

/// <summary>A face found by a <see cref="IFaceDetector"/>: its box, confidence and six keypoints.</summary>
/// <param name="Keypoints">
/// Right eye, left eye, nose tip, mouth, right ear, left ear (from the subject's view), in pixels.
/// </param>
public sealed record DetectedFace(FaceBox Box, float Score, IReadOnlyList<FacePoint> Keypoints);

/// <summary>A point in pixels of a frame.</summary>
public readonly record struct FacePoint(float X, float Y);
