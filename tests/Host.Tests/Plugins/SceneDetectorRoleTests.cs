using System.Net;
using System.Text.Json;
using Liveness.Host.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Liveness.Host.Tests.Plugins;

/// <summary>The third role, the scene detector: served, switched, switched off, reloaded and leased like the other two.</summary>
public sealed class SceneDetectorRoleTests
{
    [Fact]
    public async Task The_onnx_plugin_serves_it_by_default_and_the_classifier_only_torch_plugin_loads_beside_it()
    {
        using var plugins = new PluginDirectory("onnx", "torch");
        await using var server = await LivenessServer.StartAsync(plugins.Settings(("Backends:Classifier", "torch")));

        var backends = await server.BackendsAsync();

        Assert.Equal("onnx", backends.Active("sceneDetector"));
        Assert.Equal("torch", backends.Active("classifier"));
        var onnx = backends.GetProperty("backends").EnumerateArray().Single(backend => backend.GetProperty("name").GetString() == "onnx");
        Assert.Equal(["detector", "classifier", "scene_detector"], onnx.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.Contains(onnx.GetProperty("models").EnumerateArray(), model => model.GetProperty("name").GetString() == "candidates/yolox_nano.onnx");
        var serving = Registry(server).Serving!;
        Assert.NotNull(serving.SceneDetector);
        Assert.Equal("onnx@1.0.0+torch@1.0.0+onnx@1.0.0", serving.Label);
        await AssertServesAsync(server);
    }

    [Fact]
    public async Task An_empty_setting_serves_none_and_requests_are_answered_without_it()
    {
        using var plugins = new PluginDirectory("onnx");
        await using var server = await LivenessServer.StartAsync(plugins.Settings(("Backends:SceneDetector", "")));

        var backends = await server.BackendsAsync();

        Assert.Equal(JsonValueKind.Null, backends.GetProperty("active").GetProperty("sceneDetector").ValueKind);
        Assert.Equal("onnx", backends.Active("detector"));
        Assert.Null(Registry(server).Serving!.SceneDetector);
        Assert.Equal("onnx@1.0.0+onnx@1.0.0", Registry(server).Serving!.Label);
        await AssertServesAsync(server);
    }

    [Fact]
    public async Task The_admin_api_switches_it_off_and_on_alone_and_refuses_it_to_a_plugin_without_the_role()
    {
        using var plugins = new PluginDirectory("onnx", "torch");
        plugins.Clone("onnx", "onnx2");
        await using var server = await LivenessServer.StartAsync(plugins.Settings());

        using var off = await server.ActivateAsync(new { sceneDetector = "" });
        var whileOff = await server.BackendsAsync();
        using var other = await server.ActivateAsync(new { sceneDetector = "onnx2" });
        var onOther = await server.BackendsAsync();
        using var refused = await server.ActivateAsync(new { sceneDetector = "torch" });

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(JsonValueKind.Null, whileOff.GetProperty("active").GetProperty("sceneDetector").ValueKind);
        Assert.Equal(("onnx", "onnx"), (whileOff.Active("detector"), whileOff.Active("classifier")));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(("onnx", "onnx", "onnx2"), (onOther.Active("detector"), onOther.Active("classifier"), onOther.Active("sceneDetector")));
        Assert.Equal("serving", State(onOther, "onnx2"));
        await refused.AssertErrorAsync(400, 1200, "does not fill the SceneDetector role");
        Assert.Equal("onnx2", (await server.BackendsAsync()).Active("sceneDetector"));
        await AssertServesAsync(server);
    }

    [Fact]
    public async Task A_reload_swaps_it_in_place_and_the_replaced_copy_unloads_only_when_its_lease_ends()
    {
        using var plugins = new PluginDirectory("onnx");
        plugins.Clone("onnx", "onnx2");
        await using var server = await LivenessServer.StartAsync(plugins.Settings(("Backends:SceneDetector", "onnx2"), ("Backends:WatchForChanges", "false")));
        var registry = Registry(server);
        var lease = registry.Lease()!;
        var leased = lease.Backends.SceneDetectorBackend!;

        File.SetLastWriteTimeUtc(plugins.AssemblyOf("onnx2"), DateTime.UtcNow);
        using var reload = await server.ReloadAsync();
        var fresh = registry.Serving!.SceneDetectorBackend!;
        var stillLoaded = leased.TryAcquire();
        if (stillLoaded)
        {
            leased.Release();
        }

        lease.Dispose();

        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        Assert.Equal("onnx2", fresh.Name);
        Assert.NotSame(leased, fresh);
        Assert.Equal("onnx", registry.Serving.DetectorBackend.Name);
        Assert.True(stillLoaded, "the replaced scene detector unloaded while a request held it");
        Assert.False(leased.TryAcquire(), "the replaced scene detector did not unload when its lease ended");
        await AssertServesAsync(server);
    }

    [Fact]
    public async Task A_setting_naming_a_plugin_without_the_role_serves_nothing()
    {
        using var plugins = new PluginDirectory("onnx", "torch");
        await using var server = await LivenessServer.StartAsync(plugins.Settings(("Backends:SceneDetector", "torch")));

        var backends = await server.BackendsAsync();
        using var response = await server.Client.PostVideoAsync(File.ReadAllBytes(SharedFiles.Video("debian_kphotoalbum_movie.avi")));

        Assert.Equal(JsonValueKind.Null, backends.GetProperty("active").GetProperty("detector").ValueKind);
        await response.AssertErrorAsync(503, 4007, "no model backend is ready");
    }

    [Fact]
    public async Task A_plugin_whose_manifest_claims_the_role_without_filling_it_is_rejected()
    {
        using var plugins = new PluginDirectory("onnx", "torch");
        plugins.EditManifest("torch", manifest => manifest["roles"] = new System.Text.Json.Nodes.JsonArray("Classifier", "SceneDetector"));
        await using var server = await LivenessServer.StartAsync(plugins.Settings());

        var backends = await server.BackendsAsync();

        Assert.Equal(1, backends.Failures("torch"));
        Assert.Contains("does not fill the roles its manifest declares", backends.LastError("torch"), StringComparison.Ordinal);
    }

    private static BackendRegistry Registry(LivenessServer server) =>
        server.Host.Pipeline!.Services.GetRequiredService<BackendRegistry>();

    private static string? State(JsonElement backends, string name) =>
        backends.GetProperty("backends").EnumerateArray()
            .Single(backend => backend.GetProperty("name").GetString() == name).GetProperty("state").GetString();

    private static async Task AssertServesAsync(LivenessServer server)
    {
        using var response = await server.Client.PostVideoAsync(File.ReadAllBytes(SharedFiles.Video("debian_kphotoalbum_movie.avi")));
        var body = await response.ReadContractJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("passed").GetBoolean());
    }
}
