using System.Diagnostics;
using System.Net;
using Liveness.Host.Tests.Front;

namespace Liveness.Host.Tests.Deploy;

/// <summary>
/// One destination, <c>http://liveness-nodes:P</c>, that DNS expands to two pipeline node processes on 127.0.0.1:P and
/// 127.0.0.2:P (<c>Front:ResolveDestinationsByDns</c>), as a headless Service is in Kubernetes. The name resolves
/// through a hosts file of the front's own: the front runs under <c>unshare -m</c> with that file bind-mounted over
/// <c>/etc/hosts</c>, which needs root (CI runs as root).
/// </summary>
public sealed class DnsScaleOutTests : IDisposable
{
    private const string Name = "liveness-nodes";

    private readonly string work = Directory.CreateTempSubdirectory("liveness-dns-").FullName;

    private string HostsFile => Path.Combine(work, "hosts");

    [SkippableFact]
    public async Task Nodes_are_found_by_name_a_killed_node_costs_no_later_request_and_it_rejoins_when_restarted()
    {
        WriteHosts("127.0.0.1");
        Skip.IfNot(CanMountPrivateHosts(out var why), $"needs `unshare -m` and `mount --bind` (root): {why}");

        var port = PipelineNodeProcess.FreePort();
        using var nodeA = new PipelineNodeProcess(work, "127.0.0.1", port);
        using var nodeB = new PipelineNodeProcess(work, "127.0.0.2", port);
        await Task.WhenAll(nodeA.StartAsync(), nodeB.StartAsync());
        using var front = new HostProcess();
        var frontUrl = $"http://127.0.0.1:{PipelineNodeProcess.FreePort()}";
        var adminUrl = $"http://127.0.0.1:{PipelineNodeProcess.FreePort()}";
        await front.StartAsync(
            [
                $"--Listeners:Front={frontUrl}", "--Listeners:Pipeline=", $"--Listeners:Admin={adminUrl}",
                "--Front:ResolveDestinationsByDns=true", "--Front:DnsRefreshPeriod=00:00:01",
                $"--ReverseProxy:Clusters:pipeline:Destinations:nodes:Address=http://{Name}:{port}/",
                "--ReverseProxy:Clusters:pipeline:HealthCheck:Active:Interval=00:00:01",
                "--ReverseProxy:Clusters:pipeline:HealthCheck:Active:Timeout=00:00:01",
                "--ReverseProxy:Clusters:pipeline:HealthCheck:Passive:ReactivationPeriod=00:00:02",
                "--Front:PassiveHealth:DetectionWindowSize=00:00:02",
                "--Logging:Console:IncludeScopes=false", $"--Listeners:NodeSecret={PipelineNodeProcess.Secret}",
            ],
            new Uri($"{adminUrl}/readyz"),
            ["unshare", "-m", "sh", "-c", """mount --bind "$0" /etc/hosts && exec "$@" """, HostsFile]);
        using var client = new HttpClient { BaseAddress = new Uri(frontUrl), Timeout = TimeSpan.FromMinutes(2) };
        var video = File.ReadAllBytes(SharedFiles.Video("debian_kphotoalbum_movie.avi"));

        // The name has one address: node b, on another, gets nothing although it runs.
        await AllSucceedAsync(client, video, 6);
        await LoggedAsync(6, nodeA, nodeB);
        Assert.True(nodeA.Answered == 6 && nodeB.Answered == 0, $"only the address the name has: a={nodeA.Answered} b={nodeB.Answered}");

        // A node that joins the name is picked up without a restart, and both get traffic.
        WriteHosts("127.0.0.1", "127.0.0.2");
        await UntilAnsweredAsync(nodeB, client, video, "node b, once the name has its address");
        var (a, b) = (nodeA.Answered, nodeB.Answered);
        await AllSucceedAsync(client, video, 12);
        await LoggedAsync(a + b + 12, nodeA, nodeB);
        Assert.True(nodeA.Answered > a && nodeB.Answered > b, $"both nodes get traffic: a={nodeA.Answered - a} b={nodeB.Answered - b}");

        // A killed node costs no request; restarted, it gets traffic again.
        nodeB.Kill();
        await AllSucceedAsync(client, video, 12);
        await nodeB.StartAsync();
        await UntilAnsweredAsync(nodeB, client, video, "node b, restarted");
    }

    private void WriteHosts(params string[] addresses) =>
        // Rewritten in place: the front's bind mount shows this file's inode, so it must stay the same one.
        File.WriteAllText(HostsFile, "127.0.0.1 localhost\n" + string.Concat(addresses.Select(address => $"{address} {Name}\n")));

    private bool CanMountPrivateHosts(out string why)
    {
        var start = new ProcessStartInfo("unshare") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-m", "sh", "-c", """mount --bind "$0" /etc/hosts && cat /etc/hosts""", HostsFile })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var probe = Process.Start(start)!;
            var seen = probe.StandardOutput.ReadToEnd();
            why = probe.StandardError.ReadToEnd().Trim();
            probe.WaitForExit();
            return probe.ExitCode == 0 && seen == File.ReadAllText(HostsFile);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            why = exception.Message;
            return false;
        }
    }

    private static async Task AllSucceedAsync(HttpClient client, byte[] video, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await SucceedsAsync(client, video, $"request {i}");
        }
    }

    /// <summary>Waits until the nodes' logs, read as they come, show <paramref name="answered"/> answers in all.</summary>
    private static async Task LoggedAsync(int answered, params PipelineNodeProcess[] nodes)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (nodes.Sum(node => node.Answered) < answered && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private static async Task UntilAnsweredAsync(PipelineNodeProcess node, HttpClient client, byte[] video, string what)
    {
        var before = node.Answered;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (node.Answered == before)
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for traffic to {what}");
            await SucceedsAsync(client, video, $"while waiting for {what}");
        }
    }

    private static async Task SucceedsAsync(HttpClient client, byte[] video, string what)
    {
        using var response = await client.PostVideoAsync(video);
        var body = await response.ReadContractJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {response.StatusCode} {body}");
        Assert.True(body.GetProperty("passed").GetBoolean(), $"{what}: {body}");
    }

    public void Dispose() => Directory.Delete(work, recursive: true);
}
