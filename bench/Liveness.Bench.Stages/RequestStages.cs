using BenchmarkDotNet.Attributes;
using Liveness.Abstractions;
using Liveness.Plugins.OnnxBackend;
using Liveness.Plugins.TorchBackend;
using OpenCvSharp;

namespace Liveness.Bench.Stages;

/// <summary>
/// The costly stages of one request on a benchmark clip: decoding the whole clip, detecting faces in one frame (the
/// host does it for every frame it samples: 10 a second), and classifying one face (5 per request, both MiniFASNets).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RequestStages
{
    private IModelBackend backend = null!;
    private IModelBackend torch = null!;
    private Mat frame = null!;
    private FaceBox face;

    [Params("640x480_5s.mp4", "1280x720_5s.mp4")]
    public string Clip { get; set; } = "";

    private string ClipPath => Path.Combine(Folders.Clips, Clip);

    private BgrImage Frame => new(frame.Width, frame.Height, (int)frame.Step(), frame.Data);

    [GlobalSetup]
    public void Setup()
    {
        backend = BackendFactory.Create(new OnnxBackendFactory(), "OnnxBackend");
        backend.WarmUp();
        torch = BackendFactory.Create(new TorchBackendFactory(), "TorchBackend");
        torch.WarmUp();
        frame = FrameAt(ClipPath, seconds: 2);
        face = backend.Detector!.Detect(Frame).FirstOrDefault()?.Box
            ?? throw new InvalidOperationException($"no face 2 s into {ClipPath}");
    }

    [Benchmark]
    public int Decode() => DecodeFloor.Decode(ClipPath, DecodeFloor.HostDecoderThreads).Frames;

    [Benchmark]
    public int Detect() => backend.Detector!.Detect(Frame).Count;

    /// <summary>Both MiniFASNets on one face with ONNX Runtime.</summary>
    [Benchmark]
    public float Classify() => backend.Classifier!.LiveProbability(Frame, face);

    /// <summary>The same face, the same two networks, from the original weights in TorchSharp.</summary>
    [Benchmark]
    public float ClassifyTorch() => torch.Classifier!.LiveProbability(Frame, face);

    [GlobalCleanup]
    public void Cleanup()
    {
        frame.Dispose();
        backend.Dispose();
        torch.Dispose();
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
