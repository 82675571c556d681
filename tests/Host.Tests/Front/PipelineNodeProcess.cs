using System.Net;
using System.Net.Sockets;

namespace Liveness.Host.Tests.Front;

/// <summary>A pipeline-only node in a process of its own (no front, no admin), as a scaled-out deployment runs it.</summary>
/// <param name="withAdmin">Also an admin listener (health, metrics) on <see cref="AdminAddress"/>.</param>
internal sealed class PipelineNodeProcess(string work, string listenAddress = "127.0.0.1", int? port = null, bool withAdmin = false) : IDisposable
{
    /// <summary>The node secret of the test cluster: the fronts of the tests send it, the nodes demand it.</summary>
    public const string Secret = "test-node-secret-0123456789abcdef0123456789";

    private readonly HostProcess process = new();

    public int Port { get; } = port ?? FreePort();

    /// <summary>The admin listener (health, metrics) when <c>withAdmin</c> asked for one.</summary>
    public string? AdminAddress { get; } = withAdmin ? $"http://127.0.0.1:{FreePort()}/" : null;

    public string Address => $"http://{listenAddress}:{Port}/";

    /// <summary>How many liveness checks this node has answered (from its own log).</summary>
    public int Answered => process.Output.Count(line => line.Contains("Answered ok", StringComparison.Ordinal));

    public Task StartAsync() => process.StartAsync(
        [
            "--Listeners:Front=", $"--Listeners:Pipeline=http://{listenAddress}:{Port}", $"--Listeners:Admin={AdminAddress?.TrimEnd('/')}",
            $"--Models:Directory={Path.Combine(work, "models")}", $"--Models:Mirror={SharedFiles.Models}", "--Models:Download=false",
            $"--Video:TempDirectory={work}", "--Logging:Console:IncludeScopes=false", $"--Listeners:NodeSecret={Secret}",
        ],
        new Uri(new Uri(Address), "/readyz"));

    public void Kill() => process.Kill();

    public void Dispose() => process.Dispose();

    /// <summary>A port free on the loopback address (and so, most likely, on the rest of 127/8).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
