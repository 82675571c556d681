using System.Globalization;
using System.Text.Json;
using Liveness.Host.Tests;

namespace Liveness.Bench.Tests;

/// <summary>CI's smoke of the harness: a short load against the real host, in-process. It asserts the report, never a timing.</summary>
public sealed class LoadSmokeTests
{
    [Fact]
    public async Task A_short_load_against_the_real_host_answers_every_request_and_reports_it()
    {
        await using var server = await LivenessServer.StartAsync();
        var json = Path.Combine(server.WorkDirectory, "report.json");
        var table = new StringWriter();

        var report = await LoadCommand.RunAsync(new BenchArguments(
        [
            "--url", server.Client.BaseAddress!.ToString(),
            "--video", SharedFiles.Video("lestari15_real.mp4"),
            "--concurrency", "2", "--requests", "3", "--warmup", "1", "--floor-repeat", "1",
            // The host runs in this process.
            "--server-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
            "--json", json,
        ]), table);

        Assert.Equal(3, report.Requests);
        Assert.Equal(0, report.Errors);
        Assert.InRange(report.LatencyMs.P50, report.LatencyMs.Min, report.LatencyMs.P99);
        Assert.True(report.DecodeFloorMs > 0);
        Assert.True(report.P50ToDecodeFloor > 0);
        Assert.True(report.Server!.PeakRssMib > 0);
        Assert.InRange(report.Server.StartRssMib, 1, report.Server.PeakRssMib);
        Assert.True(report.ServerCpuSecondsPerRequest > 0);
        // The host's ffmpeg decoders are this process's children: their CPU is counted apart.
        Assert.True(report.DecoderCpuSecondsPerRequest > 0);
        Assert.Contains("p50 / floor", table.ToString(), StringComparison.Ordinal);

        using var written = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        var root = written.RootElement;
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        Assert.Equal(report.LatencyMs.P99, root.GetProperty("latency_ms").GetProperty("p99").GetDouble());
        Assert.Equal(report.Throughput, root.GetProperty("throughput").GetDouble());
        Assert.Equal(report.P50ToDecodeFloor, root.GetProperty("p50_to_decode_floor").GetDouble());
        Assert.True(root.GetProperty("server").GetProperty("peak_rss_mib").GetDouble() > 0);
    }
}
