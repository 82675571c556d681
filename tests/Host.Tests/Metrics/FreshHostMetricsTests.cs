using Liveness.Host.Tests.Front;

namespace Liveness.Host.Tests.Metrics;

/// <summary>A host that has answered nothing yet already has every series the dashboards and alerts query, at 0.</summary>
public sealed class FreshHostMetricsTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("liveness-fresh-").FullName;

    [Fact]
    public async Task Known_label_values_are_published_at_zero_before_any_request()
    {
        // A process of its own: in this one, other tests have long since counted requests.
        using var node = new PipelineNodeProcess(work, withAdmin: true);
        await node.StartAsync();
        using var admin = new HttpClient { BaseAddress = new Uri(node.AdminAddress!) };

        var scrape = MetricsScrape.Parse(await admin.GetStringAsync("/metrics"));

        foreach (var reason in new[] { "rate_limited", "length_required", "too_large" })
        {
            Assert.True(scrape.HasSeries("liveness_front_rejected_total", ("reason", reason)), reason);
            Assert.Equal(0, scrape.Sum("liveness_front_rejected_total", ("reason", reason)));
        }

        foreach (var (code, status) in new[] { ("1000", "ok"), ("1000", "hack"), ("1000", "short_time"), ("1200", "error"), ("2008", "error"), ("4007", "error") })
        {
            Assert.True(scrape.HasSeries("liveness_requests_total", ("code", code), ("status", status)), $"{code} {status}");
            Assert.Equal(0, scrape.Sum("liveness_requests_total", ("code", code), ("status", status)));
        }

        foreach (var reason in new[] { "classifier", "short_time", "screen_border", "moire", "glare", "planar_motion", "micro_motion", "device_in_view", "stream_bitrate" })
        {
            Assert.True(scrape.HasSeries("liveness_rejections_total", ("reason", reason)), reason);
            Assert.Equal(0, scrape.Sum("liveness_rejections_total", ("reason", reason)));
        }

        foreach (var outcome in new[] { "ok", "hack", "short_time", "error" })
        {
            Assert.True(scrape.HasSeries("liveness_request_duration_seconds_count", ("outcome", outcome)), outcome);
        }

        foreach (var stage in new[] { "decrypt", "decode", "detect", "track", "classify", "scene", "encode" })
        {
            Assert.True(scrape.HasSeries("liveness_stage_duration_seconds_count", ("stage", stage)), stage);
            Assert.Equal(0, scrape.Sum("liveness_stage_duration_seconds_count", ("stage", stage)));
        }

        foreach (var cue in new[] { "screen_border", "moire", "glare", "planar_motion", "micro_motion", "device_in_view", "stream_bitrate" })
        {
            Assert.True(scrape.HasSeries("liveness_cue_penalty_count", ("cue", cue)), cue);
        }

        // The node's default backends, every role each of them can fill (the dashboards' inference panel and its info table agree on the label).
        foreach (var (backend, role) in new[] { ("onnx", "detector"), ("onnx", "classifier"), ("onnx", "scene_detector") })
        {
            Assert.True(scrape.HasSeries("liveness_model_inference_seconds_count", ("backend", backend), ("role", role)), $"{backend} {role}");
            Assert.True(scrape.HasSeries("liveness_backend_info", ("backend", backend), ("role", role)), $"{backend} {role}");
        }

        // A failed hot swap is what the reload alert waits for: its series exists before the first one.
        foreach (var result in new[] { "success", "failure" })
        {
            Assert.True(scrape.HasSeries("liveness_backend_reloads_total", ("backend", "onnx"), ("result", result)), result);
        }

        Assert.Equal(0, scrape.Sum("liveness_backend_reloads_total", ("backend", "onnx"), ("result", "failure")));
    }

    public void Dispose() => Directory.Delete(work, recursive: true);
}
