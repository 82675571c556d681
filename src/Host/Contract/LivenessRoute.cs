namespace Liveness.Host.Contract;

/// <summary>The contract's one route, served by the front and by every pipeline node.</summary>
internal static class LivenessRoute
{
    public const string Path = "/liveness/silent_detection/stateless";
}
