using Liveness.Host.Plugins;

namespace Liveness.Host.Metrics;

/// <summary>Keeps the backend series (<c>liveness_backend_info</c>, <c>liveness_backend_reloads_total</c>) up to date with the registry's events.</summary>
internal static class BackendMetrics
{
    public static void Follow(BackendRegistry registry)
    {
        registry.Changed += BackendInfoMetric.Publish;
        registry.LoadAttempted += (backend, loaded) => LivenessMetrics.BackendReloads.WithLabels(backend, loaded ? LivenessMetrics.ReloadResult.Success : LivenessMetrics.ReloadResult.Failure).Inc();
    }
}
