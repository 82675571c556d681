using Liveness.Host.Health;

namespace Liveness.Host.Plugins;

/// <summary>A pipeline node is ready once a detector and a classifier have loaded, warmed up and passed their self-tests.</summary>
internal sealed class BackendReadiness(BackendRegistry registry) : IReadiness
{
    public (bool Ready, string Detail) Check() => registry.Serving is { } serving
        ? (true, $"ready: detector {serving.DetectorBackend.Label}, classifier {serving.ClassifierBackend.Label}")
        : (false, "not ready: no model backend is serving");
}
