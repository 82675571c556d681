using System.Diagnostics;
using System.Globalization;

namespace Liveness.Bench;

/// <summary>
/// Watches the server's process during a run: its peak resident memory, the CPU time it spends, and that of the child
/// processes it waited for (the host's <c>ffmpeg</c> decoders, which its own CPU time leaves out).
/// </summary>
internal sealed class ServerProcessMonitor
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>USER_HZ, which Linux fixes at 100 for what <c>/proc</c> reports.</summary>
    private const int ClockTicksPerSecond = 100;

    private readonly Process process;
    private readonly TimeSpan cpuAtStart;
    private readonly double childrenCpuAtStart;
    private readonly long startRssKib;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;
    private long peakRssKib;

    private ServerProcessMonitor(Process process)
    {
        this.process = process;
        // TotalProcessorTime is utime + stime from /proc/PID/stat.
        cpuAtStart = process.TotalProcessorTime;
        childrenCpuAtStart = ChildrenCpuSeconds();
        startRssKib = ResidentKib();
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
            return new ServerUsage(
                process.Id, startRssKib / 1024.0, peakRssKib / 1024.0, (process.TotalProcessorTime - cpuAtStart).TotalSeconds, ChildrenCpuSeconds() - childrenCpuAtStart);
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

    /// <summary><c>cutime + cstime</c> of <c>/proc/PID/stat</c>: the CPU time of the children that have exited and been waited for.</summary>
    private double ChildrenCpuSeconds()
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        // The fields after the command name, which is in parentheses and may hold spaces: cutime and cstime are the 14th and 15th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        return ticks / (double)ClockTicksPerSecond;
    }

    private long ResidentKib()
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").First(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
        // "VmRSS:     123456 kB"
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// What the server's process used during a run: its resident memory when the run began and at its peak (their
/// difference is what the run made it grow), its CPU time and (<paramref name="ChildrenCpuSeconds"/>) its decoder processes'.
/// </summary>
internal sealed record ServerUsage(int Pid, double StartRssMib, double PeakRssMib, double CpuSeconds, double ChildrenCpuSeconds);
