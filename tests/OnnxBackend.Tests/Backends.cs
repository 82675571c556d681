using Liveness.Abstractions;
using Liveness.Plugins.OnnxBackend;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Liveness.OnnxBackend.Tests;

/// <summary>Creates backends the way the host does, from the shared model files.</summary>
internal static class Backends
{
    public static Dictionary<string, string> PinnedModels() => new()
    {
        ["blazeface/face_detection_front_128x128_barracuda.onnx"] = SharedData.Model("blazeface/face_detection_front_128x128_barracuda.onnx"),
        ["minifasnet/2.7_80x80_MiniFASNetV2.onnx"] = SharedData.Model("minifasnet/2.7_80x80_MiniFASNetV2.onnx"),
        ["minifasnet/4_0_0_80x80_MiniFASNetV1SE.onnx"] = SharedData.Model("minifasnet/4_0_0_80x80_MiniFASNetV1SE.onnx"),
        ["candidates/yolox_nano.onnx"] = SharedData.Model("candidates/yolox_nano.onnx"),
    };

    public static IModelBackend Create(
        IReadOnlyDictionary<string, string>? models = null, string device = "cpu", ILoggerFactory? loggerFactory = null) =>
        new OnnxBackendFactory().Create(new BackendContext(
            models ?? PinnedModels(), AppContext.BaseDirectory, device, loggerFactory ?? NullLoggerFactory.Instance));
}

/// <summary>One backend on the pinned models, shared by the tests of a class: sessions are meant to be reused.</summary>
public sealed class BackendFixture : IDisposable
{
    public BackendFixture()
    {
        Backend = Backends.Create();
        Backend.WarmUp();
    }

    public IModelBackend Backend { get; }

    public IFaceDetector Detector => Backend.Detector!;

    public ISpoofClassifier Classifier => Backend.Classifier!;

    public ISceneDetector SceneDetector => Backend.SceneDetector!;

    public void Dispose() => Backend.Dispose();
}
