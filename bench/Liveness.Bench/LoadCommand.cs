using System.Diagnostics;
using System.Globalization;

namespace Liveness.Bench;

/// <summary><c>load</c>: real HTTP to a running host, with the clip's decode floor measured first for the ratio.</summary>
internal static class LoadCommand
{
    public static async Task<LoadReport> RunAsync(BenchArguments arguments, TextWriter output, CancellationToken cancellationToken = default)
    {
        var video = arguments.RequiredText("video");
        var concurrency = arguments.Integer("concurrency") ?? 1;
        var duration = arguments.Number("duration") is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
        var requests = arguments.Integer("requests") ?? (duration is null ? 20 : null);
        if (requests is not null && duration is not null)
        {
            throw new ArgumentException("give --requests or --duration, not both");
        }

        var warmup = arguments.Integer("warmup") ?? 2;
        var pid = arguments.Integer("server-pid");
        var json = arguments.Text("json");

        // Before the load, so the decoder has the machine to itself.
        var floor = DecodeFloor.Measure(arguments.Text("floor-video") ?? video, arguments.Integer("floor-repeat") ?? 5, arguments.Text("ffmpeg") ?? "ffmpeg");
        var upload = await EncryptedUpload.FromFileAsync(video);
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
        {
            BaseAddress = new Uri(arguments.RequiredText("url")),
            Timeout = TimeSpan.FromMinutes(5),
        };
        var generator = new LoadGenerator(client, upload);
        for (var i = 0; i < warmup; i++)
        {
            await generator.SendAsync(cancellationToken);
        }

        var decode = arguments.Text("metrics-url") is { } metrics ? new ServerDecodeTime(client, new Uri(metrics)) : null;
        if (decode is not null)
        {
            await decode.StartAsync(cancellationToken);
        }

        var loadAtStart = LoadAverage();
        var monitor = pid is { } serverPid ? ServerProcessMonitor.Start(serverPid) : null;
        var start = Stopwatch.GetTimestamp();
        var outcomes = await generator.RunAsync(concurrency, requests, duration, cancellationToken);
        var wall = Stopwatch.GetElapsedTime(start);
        var server = monitor is null ? null : await monitor.StopAsync();
        var serverDecodeMs = decode is null ? (double?)null : await decode.StopAsync(cancellationToken);

        var failed = outcomes.Where(outcome => outcome.Error is not null).ToArray();
        var report = new LoadReport(
            client.BaseAddress.ToString(),
            video,
            upload.BodyBytes,
            concurrency,
            warmup,
            outcomes.Count,
            failed.Length,
            failed.CountBy(outcome => outcome.Error!).ToDictionary(),
            wall.TotalSeconds,
            LatencySummary.Of(outcomes.Where(outcome => outcome.Error is null).Select(outcome => outcome.Latency.TotalMilliseconds).ToArray()),
            floor.MedianMs,
            serverDecodeMs,
            server,
            loadAtStart,
            LoadAverage());
        report.WriteTable(output);
        if (json is not null)
        {
            await File.WriteAllTextAsync(json, report.ToJson(), cancellationToken);
        }

        return report;
    }

    /// <summary>The one-minute load average: on a shared machine, the measure of how much a figure can be trusted.</summary>
    private static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);
}
