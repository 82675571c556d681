using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Liveness.Abstractions;
using Liveness.Plugins.OnnxBackend;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace Liveness.Bench.Stages;

/// <summary>
/// The costly stages of one request on a benchmark clip: decoding the whole clip, detecting faces in one frame (the
/// host does it for every frame it samples: 10 a second), and classifying one face (5 per request, both MiniFASNets).
/// </summary>
[MemoryDiagnoser]
public class RequestStages
{
    private IModelBackend backend = null!;
    private Mat frame = null!;
    private FaceBox face;

    [Params("640x480_5s.mp4", "1280x720_5s.mp4")]
    public string Clip { get; set; } = "";

    private string ClipPath => Path.Combine(Folders.Clips, Clip);

    private BgrImage Frame => new(frame.Width, frame.Height, (int)frame.Step(), frame.Data);

    [GlobalSetup]
    public void Setup()
    {
        backend = CreateOnnxBackend();
        backend.WarmUp();
        frame = FrameAt(ClipPath, seconds: 2);
        face = backend.Detector!.Detect(Frame).FirstOrDefault()?.Box
            ?? throw new InvalidOperationException($"no face 2 s into {ClipPath}");
    }

    [Benchmark]
    public int Decode() => DecodeFloor.Decode(ClipPath).Frames;

    [Benchmark]
    public int Detect() => backend.Detector!.Detect(Frame).Count;

    [Benchmark]
    public float Classify() => backend.Classifier!.LiveProbability(Frame, face);

    [GlobalCleanup]
    public void Cleanup()
    {
        frame.Dispose();
        backend.Dispose();
    }

    /// <summary>The ONNX backend as the host creates it: the models its <c>plugin.json</c> pins, from the shared mirror.</summary>
    private static IModelBackend CreateOnnxBackend()
    {
        var manifest = JsonSerializer.Deserialize<BackendManifest>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plugin.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } })!;
        var models = manifest.Models.ToDictionary(model => model.Name, model => Path.Combine(Folders.Models, model.Name));
        return new OnnxBackendFactory().Create(new BackendContext(models, AppContext.BaseDirectory, "cpu", NullLoggerFactory.Instance));
    }

    private static Mat FrameAt(string clip, double seconds)
    {
        using var capture = new VideoCapture(clip, VideoCaptureAPIs.FFMPEG);
        var image = new Mat();
        while (capture.Read(image) && capture.Get(VideoCaptureProperties.PosMsec) < seconds * 1000)
        {
        }

        return image;
    }
}
