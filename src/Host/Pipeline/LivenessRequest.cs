namespace Liveness.Host.Pipeline;

/// <summary>The fields of a liveness request, bound and validated, still encrypted.</summary>
/// <param name="ReturnDetails">The extension <c>return_details</c> (not SenseID's): the answer explains its decision.</param>
public sealed record LivenessRequest(
    string EncryptedVideo,
    bool ReturnImage,
    bool ReturnFaceImage,
    bool ReturnStatus,
    bool ReturnDetails = false)
{
    /// <summary>What the check of this request went through, recorded by the pipeline for the details and the audit.</summary>
    internal RequestTrace Trace { get; } = new();
}
