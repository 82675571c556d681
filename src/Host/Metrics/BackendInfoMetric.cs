using Liveness.Host.Plugins;

namespace Liveness.Host.Metrics;

/// <summary>Keeps <c>liveness_backend_info</c> equal to what is loaded and what serves: one series per backend and role, replaced ones removed.</summary>
internal static class BackendInfoMetric
{
    private static readonly Lock Gate = new();
    private static HashSet<string[]> published = new(LabelValues.Comparer);

    public static void Publish(IEnumerable<LoadedBackend> loaded, ServingBackends? serving)
    {
        var now = new HashSet<string[]>(LabelValues.Comparer);
        foreach (var backend in loaded)
        {
            foreach (var role in backend.Manifest.Roles)
            {
                var active = serving?.Serves(backend, role) == true;
                now.Add([backend.Name, RoleNames.Of(role), backend.Manifest.Version, active ? "true" : "false"]);
            }
        }

        lock (Gate)
        {
            foreach (var gone in published.Except(now, LabelValues.Comparer))
            {
                LivenessMetrics.BackendInfo.RemoveLabelled(gone);
            }

            foreach (var labels in now)
            {
                LivenessMetrics.BackendInfo.WithLabels(labels).Set(1);
            }

            published = now;
        }
    }

    private sealed class LabelValues : IEqualityComparer<string[]>
    {
        public static readonly LabelValues Comparer = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(string[] obj) => string.Join('\u001f', obj).GetHashCode(StringComparison.Ordinal);
    }
}
