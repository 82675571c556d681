using Liveness.Host.Health;
using Yarp.ReverseProxy;

namespace Liveness.Host.Front;

/// <summary>A front-only node is ready while its cluster has a healthy pipeline node to send requests to.</summary>
internal sealed class ClusterReadiness(IProxyStateLookup proxy) : IReadiness
{
    public (bool Ready, string Detail) Check()
    {
        var available = proxy.GetClusters().Sum(cluster => cluster.DestinationsState.AvailableDestinations.Count);
        return available > 0
            ? (true, $"ready: {available} pipeline node(s) available")
            : (false, "not ready: no pipeline node is available");
    }
}
