using System.Net;
using Liveness.Host.Tests.Plugins;

namespace Liveness.Host.Tests.Metrics;

/// <summary><c>liveness_backend_info</c> follows the scene detector role as it is switched off and on.</summary>
[Collection(nameof(MetricsCollection))]
public sealed class BackendInfoMetricTests
{
    [Fact]
    public async Task The_scene_detector_role_reads_inactive_while_none_serves_and_active_once_switched_on()
    {
        using var plugins = new PluginDirectory("onnx", "torch");
        await using var server = await LivenessServer.StartAsync(plugins.Settings(("Backends:SceneDetector", "")));

        var whileOff = await MetricsScrape.OfAsync(server);
        using var on = await server.ActivateAsync(new { sceneDetector = "onnx" });
        var afterOn = await MetricsScrape.OfAsync(server);

        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Equal(1, whileOff.Sum("liveness_backend_info", ("backend", "onnx"), ("role", "scene_detector"), ("version", "1.0.0"), ("active", "false")));
        Assert.Equal(1, afterOn.Sum("liveness_backend_info", ("backend", "onnx"), ("role", "scene_detector"), ("version", "1.0.0"), ("active", "true")));
        Assert.Equal(0, afterOn.Sum("liveness_backend_info", ("backend", "onnx"), ("role", "scene_detector"), ("active", "false")));
        Assert.Equal(0, afterOn.Sum("liveness_backend_info", ("backend", "torch"), ("role", "scene_detector")));
    }
}
