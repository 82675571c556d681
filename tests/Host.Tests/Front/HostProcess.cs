using System.Collections.Concurrent;
using System.Diagnostics;

namespace Liveness.Host.Tests.Front;

/// <summary>The host in a process of its own, as a deployment runs it: its output kept, ready once a URL answers 2xx.</summary>
internal sealed class HostProcess : IDisposable
{
    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    public IReadOnlyCollection<string> Output => output;

    /// <param name="arguments">The host's command-line settings.</param>
    /// <param name="ready">Polled until it answers 2xx.</param>
    /// <param name="launcher">A command that runs the host's command line given after it (e.g. in a namespace of its own); none: the host itself.</param>
    public async Task StartAsync(IEnumerable<string> arguments, Uri ready, IReadOnlyList<string>? launcher = null)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "Liveness.Host");
        var command = (launcher ?? []).Append(host).Concat(arguments).ToList();
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var probe = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if ((await probe.GetAsync(ready)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"the host did not become ready at {ready}:\n" + string.Join('\n', output));
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
}
