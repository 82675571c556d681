namespace Liveness.Abstractions;

/// <summary>The spoof classifier role: how likely the face in a frame belongs to a live person.</summary>
/// <remarks>Implementations must be safe to call from several threads at once.</remarks>
public interface ISpoofClassifier
{
    /// <summary>The probability, in [0,1], that <paramref name="face"/> in <paramref name="frame"/> is live.</summary>
    /// <remarks>The whole frame is passed because the crop around the face is part of the model's preprocessing.</remarks>
    float LiveProbability(BgrImage frame, FaceBox face);
}
