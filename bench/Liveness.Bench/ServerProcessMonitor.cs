using System.Diagnostics;
using System.Globalization;

namespace Liveness.Bench;

/// <summary>Watches the server's process during a run: its peak resident memory and the CPU time it spends.</summary>
internal sealed class ServerProcessMonitor
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);

    private readonly Process process;
    private readonly TimeSpan cpuAtStart;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long peakRssKib;

    private ServerProcessMonitor(Process process)
    {
        this.process = process;
        // TotalProcessorTime is utime + stime from /proc/PID/stat.
        cpuAtStart = process.TotalProcessorTime;
        sampling = SampleAsync();
    }

    public static ServerProcessMonitor Start(int pid) => new(Process.GetProcessById(pid));

    public async Task<ServerUsage> StopAsync()
    {
        await stop.CancelAsync();
        try
        {
            await sampling;
        }
        catch (OperationCanceledException)
        {
            // The sampling loop ends by cancellation.
        }

        stop.Dispose();
        using (process)
        {
            process.Refresh();
            return new ServerUsage(process.Id, peakRssKib / 1024.0, (process.TotalProcessorTime - cpuAtStart).TotalSeconds);
        }
    }

    // VmRSS, not VmHWM: the high-water mark would include start-up and earlier runs.
    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(SampleInterval);
        do
        {
            peakRssKib = Math.Max(peakRssKib, ResidentKib());
        }
        while (await timer.WaitForNextTickAsync(stop.Token));
    }

    private long ResidentKib()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
        // "VmRSS:     123456 kB"
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}

/// <summary>What the server's process used during a run.</summary>
internal sealed record ServerUsage(int Pid, double PeakRssMib, double CpuSeconds);
