using Liveness.Abstractions;
using Liveness.Plugins.OnnxBackend;
using Liveness.Plugins.TorchBackend;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Liveness.TorchBackend.Tests;

/// <summary>Creates backends the way the host does, from the shared model files.</summary>
internal static class Backends
{
    public const string V2 = ModelFiles.MiniFasNetV2;
    public const string V1SE = ModelFiles.MiniFasNetV1SE;

    public static Dictionary<string, string> PinnedModels() => new()
    {
        [V2] = SharedData.Model(V2),
        [V1SE] = SharedData.Model(V1SE),
    };

    public static IModelBackend CreateTorch(
        IReadOnlyDictionary<string, string>? models = null, string device = "cpu", ILoggerFactory? loggerFactory = null) =>
        new TorchBackendFactory().Create(new BackendContext(
            models ?? PinnedModels(), AppContext.BaseDirectory, device, loggerFactory ?? NullLoggerFactory.Instance));

    /// <summary>The ONNX backend's models: the exports of the same weights, and its detectors.</summary>
    public static Dictionary<string, string> PinnedOnnxModels() => new[]
    {
        "blazeface/face_detection_front_128x128_barracuda.onnx",
        "minifasnet/2.7_80x80_MiniFASNetV2.onnx",
        "minifasnet/4_0_0_80x80_MiniFASNetV1SE.onnx",
        "candidates/yolox_nano.onnx",
    }.ToDictionary(file => file, SharedData.Model);

    /// <summary>The ONNX backend on the exports of the same weights: the reference the Torch backend must agree with.</summary>
    public static IModelBackend CreateOnnx(
        IReadOnlyDictionary<string, string>? models = null, string device = "cpu", ILoggerFactory? loggerFactory = null) =>
        new OnnxBackendFactory().Create(new BackendContext(
            models ?? PinnedOnnxModels(), AppContext.BaseDirectory, device, loggerFactory ?? NullLoggerFactory.Instance));
}

/// <summary>One Torch backend on the pinned checkpoints, shared by the tests of a class: loading takes a while.</summary>
public sealed class TorchBackendFixture : IDisposable
{
    public TorchBackendFixture()
    {
        Backend = Backends.CreateTorch();
        Backend.WarmUp();
    }

    public IModelBackend Backend { get; }

    internal MiniFasNetClassifier Classifier => (MiniFasNetClassifier)Backend.Classifier!;

    public void Dispose() => Backend.Dispose();
}
