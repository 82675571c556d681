namespace Liveness.Host.Pipeline.Cues;

/// <summary>The face's motion from one sampled frame to the next, every length in face widths.</summary>
/// <param name="Motion">How far the face's corners moved (median).</param>
/// <param name="FaceResidual">How far the face's corners are from where its best homography puts them (75th percentile): non-rigid motion.</param>
/// <param name="RingResidual">The same for the corners in a ring around the face (median), or null when the ring had too few corners to track.</param>
internal readonly record struct MotionStep(double Motion, double FaceResidual, double? RingResidual);
