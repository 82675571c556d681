using Liveness.Abstractions;
using Microsoft.Extensions.Logging;

namespace Liveness.TorchBackend.Tests;

/// <summary>What both backend plugins do alike at start, run on each: here because this project references both.</summary>
public sealed class BackendPluginTests
{
    public static TheoryData<string> Plugins => ["onnx", "torch"];

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Refuses_to_start_without_a_model_path(string plugin)
    {
        var models = PinnedModels(plugin);
        var missing = models.Keys.First(name => name.Contains("MiniFASNetV1SE", StringComparison.Ordinal));
        models.Remove(missing);

        var error = Assert.Throws<ArgumentException>(() => Create(plugin, models));

        Assert.Contains(missing, error.Message);
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Falls_back_to_the_cpu_with_one_warning_when_cuda_is_missing(string plugin)
    {
        using var logs = new CapturingLoggerFactory();
        using var backend = Create(plugin, device: "cuda", loggerFactory: logs);

        backend.WarmUp();

        var warning = Assert.Single(logs.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("CPU", warning.Message);
        Assert.True(backend.SelfTest().Passed);
    }

    [Theory]
    [MemberData(nameof(Plugins))]
    public void Logs_nothing_on_the_cpu(string plugin)
    {
        using var logs = new CapturingLoggerFactory();
        using var backend = Create(plugin, loggerFactory: logs);

        Assert.Empty(logs.Entries);
    }

    private static Dictionary<string, string> PinnedModels(string plugin) =>
        plugin == "onnx" ? Backends.PinnedOnnxModels() : Backends.PinnedModels();

    private static IModelBackend Create(
        string plugin, IReadOnlyDictionary<string, string>? models = null, string device = "cpu", ILoggerFactory? loggerFactory = null) =>
        plugin == "onnx" ? Backends.CreateOnnx(models, device, loggerFactory) : Backends.CreateTorch(models, device, loggerFactory);
}
