using System.Net;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Liveness.Host.Tests.Front;

/// <summary>Two pipeline node processes behind one front, on YARP's own cluster, load balancing and health checks.</summary>
public sealed class ScaleOutTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("liveness-nodes-").FullName;

    [Fact]
    public async Task Both_nodes_serve_a_killed_node_costs_no_later_request_and_it_rejoins_when_restarted()
    {
        using var nodeA = new PipelineNodeProcess(work);
        using var nodeB = new PipelineNodeProcess(work);
        await Task.WhenAll(nodeA.StartAsync(), nodeB.StartAsync());
        await using var front = await LivenessServer.StartAsync(new Dictionary<string, string>
        {
            ["Listeners:Pipeline"] = "",
            ["Listeners:NodeSecret"] = PipelineNodeProcess.Secret,
            ["ReverseProxy:Clusters:pipeline:Destinations:a:Address"] = nodeA.Address,
            ["ReverseProxy:Clusters:pipeline:Destinations:b:Address"] = nodeB.Address,
            ["ReverseProxy:Clusters:pipeline:HealthCheck:Active:Interval"] = "00:00:01",
            ["ReverseProxy:Clusters:pipeline:HealthCheck:Active:Timeout"] = "00:00:01",
            ["ReverseProxy:Clusters:pipeline:HealthCheck:Passive:ReactivationPeriod"] = "00:00:02",
            ["Front:PassiveHealth:DetectionWindowSize"] = "00:00:02",
        });
        var video = File.ReadAllBytes(SharedFiles.Video("debian_kphotoalbum_movie.avi"));
        var proxy = front.Host.Front!.Services.GetRequiredService<IProxyStateLookup>();

        await AllSucceedAsync(front, video, 12);
        Assert.True(nodeA.Answered > 0 && nodeB.Answered > 0, $"both nodes get traffic: a={nodeA.Answered} b={nodeB.Answered}");

        nodeA.Kill();
        await AllSucceedAsync(front, video, 12);
        await WaitForAsync(() => Health(proxy, "a") == DestinationHealth.Unhealthy, "node a marked unhealthy");
        Assert.Equal(DestinationHealth.Healthy, Health(proxy, "b"));

        await nodeA.StartAsync();
        await WaitForAsync(() => Health(proxy, "a") == DestinationHealth.Healthy && Available(proxy, "a"), "node a available again", () => State(proxy));
        var before = nodeA.Answered;
        await AllSucceedAsync(front, video, 12);
        Assert.True(nodeA.Answered > before, "the restarted node gets traffic again");
    }

    private static async Task AllSucceedAsync(LivenessServer front, byte[] video, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await front.Client.PostVideoAsync(video);
            var body = await response.ReadContractJsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"request {i}: {response.StatusCode} {body}");
            Assert.True(body.GetProperty("passed").GetBoolean());
        }
    }

    private static DestinationHealth Health(IProxyStateLookup proxy, string destination)
    {
        Assert.True(proxy.TryGetCluster("pipeline", out var cluster));
        return cluster.Destinations[destination].Health.Active;
    }

    private static bool Available(IProxyStateLookup proxy, string destination) =>
        proxy.TryGetCluster("pipeline", out var cluster)
        && cluster.DestinationsState.AvailableDestinations.Any(candidate => candidate.DestinationId == destination);

    private static string State(IProxyStateLookup proxy)
    {
        proxy.TryGetCluster("pipeline", out var cluster);
        return string.Join("; ", cluster!.Destinations.Values.Select(d => $"{d.DestinationId} active={d.Health.Active} passive={d.Health.Passive}"))
            + " available=" + string.Join(",", cluster.DestinationsState.AvailableDestinations.Select(d => d.DestinationId));
    }

    private static async Task WaitForAsync(Func<bool> condition, string what, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}: {state?.Invoke()}");
            await Task.Delay(200);
        }
    }

    public void Dispose() => Directory.Delete(work, recursive: true);
}
