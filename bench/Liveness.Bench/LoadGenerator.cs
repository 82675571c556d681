using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Liveness.Bench;

/// <summary>Posts one upload to the contract endpoint from several clients at once and times every answer.</summary>
internal sealed class LoadGenerator(HttpClient client, EncryptedUpload upload)
{
    private const string Route = "/liveness/silent_detection/stateless";

    /// <summary>
    /// Each of <paramref name="concurrency"/> clients sends its next request as soon as its last one is answered,
    /// until <paramref name="requests"/> have been sent in all, or else until <paramref name="duration"/> is over.
    /// </summary>
    public async Task<IReadOnlyList<RequestOutcome>> RunAsync(int concurrency, int? requests, TimeSpan? duration, CancellationToken cancellationToken)
    {
        var outcomes = new ConcurrentQueue<RequestOutcome>();
        var sent = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)((duration?.TotalSeconds ?? 0) * Stopwatch.Frequency);
        bool Another() => requests is { } count ? Interlocked.Increment(ref sent) <= count : Stopwatch.GetTimestamp() < deadline;

        async Task ClientAsync()
        {
            while (Another())
            {
                outcomes.Enqueue(await SendAsync(cancellationToken));
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(ClientAsync, cancellationToken)));
        return outcomes.ToArray();
    }

    public async Task<RequestOutcome> SendAsync(CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.PostAsync(Route, upload.Content(), cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return new RequestOutcome(Stopwatch.GetElapsedTime(start), ErrorOf(response.StatusCode, body));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new RequestOutcome(Stopwatch.GetElapsedTime(start), e.GetType().Name);
        }
    }

    /// <summary>Anything but HTTP 200 with the contract's code 1000 is an error, named by its status and code.</summary>
    private static string? ErrorOf(HttpStatusCode status, byte[] body)
    {
        int? code = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("code", out var element) && element.TryGetInt32(out var value))
            {
                code = value;
            }
        }
        catch (JsonException)
        {
            // Not the contract's JSON: reported below as code "none".
        }

        return status == HttpStatusCode.OK && code == 1000
            ? null
            : $"HTTP {(int)status} code {code?.ToString(CultureInfo.InvariantCulture) ?? "none"}";
    }
}

/// <summary>One request: how long its answer took, and what was wrong with it when something was.</summary>
internal readonly record struct RequestOutcome(TimeSpan Latency, string? Error);
