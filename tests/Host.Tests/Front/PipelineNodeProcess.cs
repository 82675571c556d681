using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Liveness.Host.Tests.Front;

/// <summary>A pipeline-only node in a process of its own (no front, no admin), as a scaled-out deployment runs it.</summary>
internal sealed class PipelineNodeProcess : IDisposable
{
    /// <summary>The node secret of the test cluster: the fronts of the tests send it, the nodes demand it.</summary>
    public const string Secret = "test-node-secret-0123456789abcdef0123456789";

    private readonly ConcurrentQueue<string> output = new();
    private readonly string work;
    private Process? process;

    /// <param name="withAdmin">Also an admin listener (health, metrics) on <see cref="AdminAddress"/>.</param>
    public PipelineNodeProcess(string work, bool withAdmin = false)
    {
        this.work = work;
        Port = FreePort();
        AdminAddress = withAdmin ? $"http://127.0.0.1:{FreePort()}/" : null;
    }

    public int Port { get; }

    public string? AdminAddress { get; }

    public string Address => $"http://127.0.0.1:{Port}/";

    /// <summary>How many liveness checks this node has answered (from its own log).</summary>
    public int Answered => output.Count(line => line.Contains("Answered ok", StringComparison.Ordinal));

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "Liveness.Host"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--Listeners:Front=", $"--Listeners:Pipeline=http://127.0.0.1:{Port}", $"--Listeners:Admin={AdminAddress?.TrimEnd('/')}",
            $"--Models:Directory={Path.Combine(work, "models")}", $"--Models:Mirror={SharedFiles.Models}", "--Models:Download=false",
            $"--Video:TempDirectory={work}", "--Logging:Console:IncludeScopes=false", $"--Listeners:NodeSecret={Secret}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = new Uri(Address) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await probe.GetAsync("/readyz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("pipeline node did not become ready:\n" + string.Join('\n', output));
    }

    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        process?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
