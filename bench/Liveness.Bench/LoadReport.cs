using System.Text.Json;
using System.Text.Json.Serialization;

namespace Liveness.Bench;

/// <summary>The result of one <c>load</c> run, printed as a table and written as JSON.</summary>
internal sealed record LoadReport(
    string Url,
    string Video,
    int BodyBytes,
    int Concurrency,
    int Warmup,
    int Requests,
    int Errors,
    IReadOnlyDictionary<string, int> ErrorKinds,
    double WallSeconds,
    LatencySummary LatencyMs,
    double DecodeFloorMs,
    double? ServerDecodeMs,
    ServerUsage? Server,
    double LoadAverageAtStart,
    double LoadAverageAtEnd)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A run without one success has no percentiles: NaN rather than a failure to write the report.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Successful requests per second of wall time.</summary>
    public double Throughput => (Requests - Errors) / WallSeconds;

    /// <summary>How far the median request is above the least it could cost.</summary>
    public double P50ToDecodeFloor => LatencyMs.P50 / DecodeFloorMs;

    public double? ServerCpuSecondsPerRequest => Server is null ? null : Server.CpuSeconds / Requests;

    /// <summary>The CPU of the server's decoder processes (<c>ffmpeg</c> children) per request, which the server's own leaves out.</summary>
    public double? DecoderCpuSecondsPerRequest => Server is null ? null : Server.ChildrenCpuSeconds / Requests;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public void WriteTable(TextWriter output)
    {
        output.WriteLine($"url                 {Url}");
        output.WriteLine($"clip                {Video} ({BodyBytes} bytes posted)");
        output.WriteLine($"concurrency         {Concurrency} (after {Warmup} warm-up requests)");
        output.WriteLine($"requests            {Requests}, errors {Errors}"
            + string.Concat(ErrorKinds.Select(kind => $"; {kind.Value} x {kind.Key}")));
        output.WriteLine($"latency ms          p50 {LatencyMs.P50:0.0}  p95 {LatencyMs.P95:0.0}  p99 {LatencyMs.P99:0.0}"
            + $"  (min {LatencyMs.Min:0.0}, mean {LatencyMs.Mean:0.0}, max {LatencyMs.Max:0.0})");
        output.WriteLine($"throughput          {Throughput:0.00} req/s over {WallSeconds:0.0} s");
        output.WriteLine($"decode floor        {DecodeFloorMs:0.0} ms (median of `{DecodeFloor.Command("CLIP")}`)");
        if (ServerDecodeMs is { } decode)
        {
            output.WriteLine($"server decode       {decode:0.0} ms a request (stage decode, mean)");
        }

        output.WriteLine($"p50 / floor         {P50ToDecodeFloor:0.00}");
        if (Server is not null)
        {
            output.WriteLine($"server peak RSS     {Server.PeakRssMib:0.0} MiB (pid {Server.Pid}; {Server.StartRssMib:0.0} MiB when the run began)");
            output.WriteLine($"server CPU/request  {ServerCpuSecondsPerRequest:0.000} s, and {DecoderCpuSecondsPerRequest:0.000} s in its decoder processes");
        }

        output.WriteLine($"load average        {LoadAverageAtStart:0.00} at start, {LoadAverageAtEnd:0.00} at end");
    }
}

/// <summary>Latencies of the successful requests of a run, in milliseconds.</summary>
internal sealed record LatencySummary(double P50, double P95, double P99, double Min, double Mean, double Max)
{
    public static LatencySummary Of(IReadOnlyCollection<double> milliseconds) => new(
        Percentiles.Of(milliseconds, 50),
        Percentiles.Of(milliseconds, 95),
        Percentiles.Of(milliseconds, 99),
        milliseconds.Count == 0 ? double.NaN : milliseconds.Min(),
        milliseconds.Count == 0 ? double.NaN : milliseconds.Average(),
        milliseconds.Count == 0 ? double.NaN : milliseconds.Max());
}
