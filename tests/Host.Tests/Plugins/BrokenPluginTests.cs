using System.Net;

namespace Liveness.Host.Tests.Plugins;

/// <summary>A plugin that fails to load, warm up or verify is never served, and what served before goes on.</summary>
public sealed class BrokenPluginTests
{
    [Fact]
    public async Task A_plugin_that_throws_in_warm_up_is_rejected_counted_and_cannot_be_activated()
    {
        using var plugins = new PluginDirectory("onnx");
        await using var server = await LivenessServer.StartAsync(plugins.Settings());

        plugins.AddFixture("throwing");
        await HotSwapTests.WaitForAsync(async () => (await server.BackendsAsync()).Failures("throwing") == 1);
        using var activate = await server.ActivateAsync(new { classifier = "throwing" });
        var backends = await server.BackendsAsync();

        Assert.Contains("warm-up failed on purpose", backends.LastError("throwing"), StringComparison.Ordinal);
        await activate.AssertErrorAsync(400, 1200, "no backend named 'throwing'");
        Assert.Equal("onnx", backends.Active("classifier"));
        await AssertServesAsync(server);
    }

    [Fact]
    public async Task A_reload_with_a_model_that_fails_its_checksum_is_rejected_and_the_previous_version_keeps_serving()
    {
        using var plugins = new PluginDirectory("onnx");
        plugins.Clone("onnx", "onnx2");
        await using var server = await LivenessServer.StartAsync(plugins.Settings(("Backends:Classifier", "onnx2")));

        plugins.EditManifest("onnx2", manifest =>
        {
            manifest["version"] = "2.0.0";
            manifest["models"]![1]!["sha256"] = new string('0', 64);
        });
        await HotSwapTests.WaitForAsync(async () => (await server.BackendsAsync()).Failures("onnx2") == 1);
        var backends = await server.BackendsAsync();

        Assert.Contains("does not match its pinned sha256", backends.LastError("onnx2"), StringComparison.Ordinal);
        Assert.Equal("onnx2", backends.Active("classifier"));
        Assert.Contains(backends.GetProperty("backends").EnumerateArray(),
            backend => backend.GetProperty("name").GetString() == "onnx2" && backend.GetProperty("version").GetString() == "1.0.0");
        await AssertServesAsync(server);
    }

    [Fact]
    public async Task A_dll_overwritten_with_garbage_is_rejected_and_the_loaded_copy_keeps_serving()
    {
        using var plugins = new PluginDirectory("onnx");
        await using var server = await LivenessServer.StartAsync(plugins.Settings());

        plugins.OverwriteAssembly("onnx", System.Security.Cryptography.RandomNumberGenerator.GetBytes(4096));
        await HotSwapTests.WaitForAsync(async () => (await server.BackendsAsync()).Failures("onnx") == 1);

        Assert.Equal("onnx", (await server.BackendsAsync()).Active("detector"));
        await AssertServesAsync(server);
    }

    [Fact]
    public async Task A_manifest_naming_an_assembly_outside_its_folder_is_refused()
    {
        using var plugins = new PluginDirectory("onnx");
        plugins.Clone("onnx", "escape");
        plugins.EditManifest("escape", manifest => manifest["assembly"] = "../onnx/" + manifest["assembly"]!.GetValue<string>());
        foreach (var dll in Directory.GetFiles(Path.Combine(plugins.Root, "escape"), "Liveness.Plugins.*.dll"))
        {
            File.Delete(dll);
        }

        await using var server = await LivenessServer.StartAsync(plugins.Settings());
        var backends = await server.BackendsAsync();

        Assert.Equal(1, backends.Failures("escape"));
        Assert.Contains("outside its folder", backends.LastError("escape"), StringComparison.Ordinal);
        Assert.DoesNotContain(backends.GetProperty("backends").EnumerateArray(), backend => backend.GetProperty("name").GetString() == "escape");
        await AssertServesAsync(server);
    }

    private static async Task AssertServesAsync(LivenessServer server)
    {
        using var response = await server.Client.PostVideoAsync(File.ReadAllBytes(SharedFiles.Video("debian_kphotoalbum_movie.avi")));
        var body = await response.ReadContractJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("passed").GetBoolean());
    }
}
