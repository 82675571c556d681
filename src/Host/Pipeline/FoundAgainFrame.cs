namespace Liveness.Host.Pipeline;

/// <summary>The classifier's score of the main face in a frame it was found again in (<see cref="Cues.FaceMotion.FoundAgainOf"/>), with its track.</summary>
internal readonly record struct FoundAgainFrame(int Track, FrameScore Frame);
