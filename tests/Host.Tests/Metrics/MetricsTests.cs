using System.Net;

namespace Liveness.Host.Tests.Metrics;

[CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
public sealed class MetricsCollection;

/// <summary>/metrics on the admin listener counts what was answered, with the product's names and labels.</summary>
[Collection(nameof(MetricsCollection))]
public sealed class MetricsTests
{
    [Fact]
    public async Task Known_requests_show_up_in_every_family_with_their_labels()
    {
        await using var server = await LivenessServer.StartAsync(new Dictionary<string, string>
        {
            ["Front:RateLimit:PermitsPerSecond"] = "1",
            ["Front:RateLimit:Burst"] = "8",
            ["RequestBody:MaxBytes"] = "16777216",
        });
        var before = await MetricsScrape.OfAsync(server);

        (await server.Client.PostVideoAsync(File.ReadAllBytes(SharedFiles.Video("lestari15_real.mp4")), returnImage: true)).Dispose();
        (await server.Client.PostVideoAsync(File.ReadAllBytes(SharedFiles.Video("lestari15_fake.mp4")))).Dispose();
        (await server.Client.PostVideoAsync(TestVideos.Bytes(TestVideos.NoFace()))).Dispose();
        (await server.Client.PostVideoAsync(TestVideos.Bytes(TestVideos.OneSecond()))).Dispose();
        (await server.Client.PostFormAsync([new("encrypted_video", "!!!")])).Dispose();
        using var other = LoopbackAddress.ClientFrom("127.0.0.2", server.Client.BaseAddress!);
        var burst = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => other.PostFormAsync([new("encrypted_video", "")])));
        var rateLimited = burst.Count(response => response.StatusCode == HttpStatusCode.TooManyRequests);
        await Task.Delay(TimeSpan.FromSeconds(2)); // let the bucket of 127.0.0.1 refill for the two below
        Assert.StartsWith("HTTP/1.1 411", await RawHttp.SendAsync(server.Client.BaseAddress!, "POST", ContractClient.Route, ["Transfer-Encoding: chunked"], RawHttp.EmptyChunkedBody), StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 413", await RawHttp.SendHeadAsync(server.Client.BaseAddress!, "POST", ContractClient.Route, "Content-Length: 20000000"), StringComparison.Ordinal);
        var after = await MetricsScrape.OfAsync(server);
        double Delta(string name, params (string, string)[] labels) => after.Sum(name, labels) - before.Sum(name, labels);

        Assert.True(rateLimited > 0);
        Assert.Equal(1, Delta("liveness_requests_total", ("code", "1000"), ("status", "ok")));
        Assert.Equal(1, Delta("liveness_requests_total", ("code", "1000"), ("status", "hack")));
        Assert.Equal(1, Delta("liveness_requests_total", ("code", "1000"), ("status", "short_time")));
        Assert.Equal(1, Delta("liveness_requests_total", ("code", "2008"), ("status", "error")));
        Assert.Equal(1 + 12 + 2, Delta("liveness_requests_total", ("code", "1200"), ("status", "error")));
        Assert.Equal(1, Delta("liveness_request_duration_seconds_count", ("outcome", "ok")));
        // The replay is the classifier's rejection; the video without a face is the short_time one.
        Assert.Equal(1, Delta("liveness_rejections_total", ("reason", "classifier")));
        Assert.Equal(1, Delta("liveness_rejections_total", ("reason", "short_time")));
        Assert.Equal(2, Delta("liveness_score_count"));
        Assert.Equal(2, Delta("liveness_cue_penalty_count", ("cue", "glare")));
        Assert.Equal(rateLimited, Delta("liveness_front_rejected_total", ("reason", "rate_limited")));
        Assert.Equal(1, Delta("liveness_front_rejected_total", ("reason", "too_large")));
        Assert.Equal(1, Delta("liveness_front_rejected_total", ("reason", "length_required")));
        Assert.Equal(4, Delta("liveness_video_seconds_count"));
        Assert.Equal(5, Delta("liveness_stage_duration_seconds_count", ("stage", "decrypt")));
        Assert.Equal(4, Delta("liveness_stage_duration_seconds_count", ("stage", "decode")));
        Assert.Equal(4, Delta("liveness_stage_duration_seconds_count", ("stage", "detect")));
        // Every request with a face in view classifies it while the video is decoded (issue 12), short_time ones too.
        Assert.Equal(4, Delta("liveness_stage_duration_seconds_count", ("stage", "classify")));
        // The motion is followed only where there is a main face: not in the video without one.
        Assert.Equal(3, Delta("liveness_stage_duration_seconds_count", ("stage", "track")));
        // The scene detector looks wherever a face is tracked, from its first frame on, once every 2 s (Pipeline:SceneSeconds):
        // at 0 and 2 s of the live 3.8 s and the replay's 2.6 s, at 0 s of the one-second video; not in the one without a face.
        Assert.Equal(3, Delta("liveness_stage_duration_seconds_count", ("stage", "scene")));
        Assert.Equal(5, Delta("liveness_model_inference_seconds_count", ("backend", "onnx"), ("role", "scene_detector")));
        Assert.Equal(1, Delta("liveness_stage_duration_seconds_count", ("stage", "encode")));
        Assert.True(Delta("liveness_model_inference_seconds_count", ("backend", "onnx"), ("role", "detector")) > 20);
        // One classification every 0.5 s of each tracked face (Pipeline:CoverageSeconds), no longer the 5 best frames;
        // on frames sampled every 0.2 s that is every third one, 0.6 s apart.
        Assert.Equal(12, Delta("liveness_model_inference_seconds_count", ("backend", "onnx"), ("role", "classifier")));
        Assert.Equal(1, after.Sum("liveness_backend_info", ("backend", "onnx"), ("role", "detector"), ("version", "1.0.0"), ("active", "true")));
        Assert.Equal(1, after.Sum("liveness_backend_info", ("backend", "torch"), ("role", "classifier"), ("active", "false")));
        Assert.Equal(1, after.Sum("liveness_backend_info", ("backend", "onnx"), ("role", "scene_detector"), ("version", "1.0.0"), ("active", "true")));
        Assert.True(after.Sum("liveness_backend_reloads_total", ("backend", "onnx"), ("result", "success")) >= 1);
        Assert.True(after.Has("http_requests_received_total"));
        Assert.True(after.Has("process_cpu_seconds_total"));
        Array.ForEach(burst, response => response.Dispose());
    }

    /// <summary>A print the classifier takes for live and the face's motion rejects is counted under the motion cues, not the classifier.</summary>
    [Fact]
    public async Task A_rejection_by_the_cues_is_counted_under_them()
    {
        await using var server = await LivenessServer.StartAsync();
        var before = await MetricsScrape.OfAsync(server);

        (await server.Client.PostVideoAsync(TestVideos.Bytes(TestVideos.StillPhotoMovedByHand()))).Dispose();

        var after = await MetricsScrape.OfAsync(server);
        double Delta(string reason) => after.Sum("liveness_rejections_total", ("reason", reason)) - before.Sum("liveness_rejections_total", ("reason", reason));
        Assert.Equal(1, after.Sum("liveness_requests_total", ("status", "hack")) - before.Sum("liveness_requests_total", ("status", "hack")));
        Assert.Equal(0, Delta("classifier"));
        Assert.True(Delta("micro_motion") + Delta("planar_motion") >= 1);
    }

    [Fact]
    public async Task Metrics_are_served_on_the_admin_listener_only()
    {
        await using var server = await LivenessServer.StartAsync();

        using var front = await server.Client.GetAsync("/metrics");
        using var admin = await server.AdminClient.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, front.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("liveness_requests_total", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
