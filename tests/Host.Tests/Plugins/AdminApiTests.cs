using System.Net;

namespace Liveness.Host.Tests.Plugins;

public sealed class AdminApiTests
{
    [Fact]
    public async Task Backends_lists_every_loaded_plugin_with_its_models_and_the_active_roles()
    {
        using var plugins = new PluginDirectory("onnx", "torch");
        await using var server = await LivenessServer.StartAsync(plugins.Settings());

        var backends = await server.BackendsAsync();

        Assert.Equal("onnx", backends.Active("detector"));
        Assert.Equal("onnx", backends.Active("classifier"));
        Assert.Equal("onnx", backends.Active("sceneDetector"));
        var listed = backends.GetProperty("backends").EnumerateArray().ToDictionary(backend => backend.GetProperty("name").GetString()!);
        Assert.Equal(["onnx", "torch"], listed.Keys.Order());
        Assert.Equal("serving", listed["onnx"].GetProperty("state").GetString());
        Assert.Equal("loaded", listed["torch"].GetProperty("state").GetString());
        Assert.Equal(["classifier"], listed["torch"].GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.All(listed["onnx"].GetProperty("models").EnumerateArray(), model => Assert.Equal(64, model.GetProperty("sha256").GetString()!.Length));
    }

    [Fact]
    public async Task Roles_switch_independently_and_the_switch_is_live_when_the_call_answers()
    {
        using var plugins = new PluginDirectory("onnx", "torch");
        await using var server = await LivenessServer.StartAsync(plugins.Settings());
        var video = File.ReadAllBytes(SharedFiles.Video("debian_kphotoalbum_movie.avi"));
        using var onOnnx = await server.Client.PostVideoAsync(video);
        var onnxScore = (await onOnnx.ReadContractJsonAsync()).GetProperty("liveness_score").GetDouble();

        using var switched = await server.ActivateAsync(new { classifier = "torch" });
        using var onTorch = await server.Client.PostVideoAsync(video);
        var torchScore = (await onTorch.ReadContractJsonAsync()).GetProperty("liveness_score").GetDouble();
        var backends = await server.BackendsAsync();

        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        Assert.Equal("onnx", backends.Active("detector"));
        Assert.Equal("torch", backends.Active("classifier"));
        Assert.Equal(onnxScore, torchScore, 4);
    }

    [Fact]
    public async Task A_detector_role_is_refused_to_a_classifier_only_plugin()
    {
        using var plugins = new PluginDirectory("onnx", "torch");
        await using var server = await LivenessServer.StartAsync(plugins.Settings());

        using var response = await server.ActivateAsync(new { detector = "torch" });

        await response.AssertErrorAsync(400, 1200, "does not fill the Detector role");
    }

    [Theory]
    [InlineData(5000, 'a')]
    [InlineData(8, '<')]
    [InlineData(8, '\n')]
    public async Task A_backend_name_that_is_too_long_or_not_a_name_is_refused_without_being_echoed(int length, char character)
    {
        using var plugins = new PluginDirectory("onnx");
        await using var server = await LivenessServer.StartAsync(plugins.Settings());
        var name = new string(character, length);

        using var response = await server.ActivateAsync(new { classifier = name });
        var message = (await response.Content.ReadAsStringAsync()).Length;

        Assert.True(message < 400, $"the error is {message} characters long");
        await response.AssertErrorAsync(400, 1200, "classifier must be a backend name");
    }

    [Fact]
    public async Task Mutating_calls_need_the_admin_key()
    {
        using var plugins = new PluginDirectory("onnx");
        await using var server = await LivenessServer.StartAsync(plugins.Settings());

        using var missing = await server.ActivateAsync(new { classifier = "onnx" }, key: null);
        using var wrong = await server.ReloadAsync(key: "nope");
        using var right = await server.ReloadAsync();

        await missing.AssertErrorAsync(403, 1200, "X-Admin-Key");
        await wrong.AssertErrorAsync(403, 1200, "X-Admin-Key");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_key_mutating_calls_are_all_refused()
    {
        using var plugins = new PluginDirectory("onnx");
        await using var server = await LivenessServer.StartAsync(plugins.Settings(("Admin:Key", "")));

        using var response = await server.ReloadAsync(key: "");

        await response.AssertErrorAsync(403, 1200, "set Admin:Key");
    }

    [Fact]
    public async Task The_admin_api_is_not_reachable_through_the_front()
    {
        using var plugins = new PluginDirectory("onnx");
        await using var server = await LivenessServer.StartAsync(plugins.Settings());

        using var response = await server.Client.GetAsync("/admin/backends");

        await response.AssertErrorAsync(404, 1200, "no endpoint");
    }
}
