namespace Liveness.Host.Contract;

/// <summary>The fields of a liveness request, bound and validated, still encrypted.</summary>
public sealed record LivenessRequest(
    string EncryptedVideo,
    bool ReturnImage,
    bool ReturnFaceImage,
    bool ReturnStatus);
