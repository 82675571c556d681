using Liveness.Host.Plugins;

namespace Liveness.Host.Metrics;

/// <summary>Keeps the backend series (<c>liveness_backend_info</c>, <c>liveness_backend_reloads_total</c>) up to date with the registry's events.</summary>
internal static class BackendMetrics
{
    public static void Follow(BackendRegistry registry)
    {
        registry.Changed += BackendInfoMetric.Publish;
        registry.Changed += (loaded, _) => PublishKnownSeries(loaded);
        registry.LoadAttempted += (backend, loaded) => LivenessMetrics.BackendReloads.WithLabels(backend, loaded ? LivenessMetrics.ReloadResult.Success : LivenessMetrics.ReloadResult.Failure).Inc();
    }

    /// <summary>Every loaded backend's reload and inference series at 0, so the reload alert and the inference panel see them before any traffic.</summary>
    private static void PublishKnownSeries(IEnumerable<LoadedBackend> loaded)
    {
        foreach (var backend in loaded)
        {
            LivenessMetrics.BackendReloads.WithLabels(backend.Name, LivenessMetrics.ReloadResult.Success);
            LivenessMetrics.BackendReloads.WithLabels(backend.Name, LivenessMetrics.ReloadResult.Failure);
            foreach (var role in backend.Manifest.Roles)
            {
                LivenessMetrics.ModelInference.WithLabels(backend.Name, RoleNames.Of(role));
            }
        }
    }
}
