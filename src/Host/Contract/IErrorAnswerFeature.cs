using System.Text.Json.Nodes;

namespace Liveness.Host.Contract;

/// <summary>
/// What the layers behind the contract edge learn of an error answer, and what they add to it, without the edge
/// knowing them: the audit records the failure; a request that asked for <c>return_details</c> gets its details.
/// </summary>
internal interface IErrorAnswerFeature
{
    /// <summary>Called once, as the error answer is written.</summary>
    /// <param name="limit">For a 2008, the setting of the limit the video broke, if it broke one.</param>
    /// <returns>The answer's <c>details</c> object, or null for the contract's body alone.</returns>
    JsonNode? Answered(int code, string message, string? limit, TimeSpan elapsed);
}
