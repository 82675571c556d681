using BenchmarkDotNet.Attributes;
using Liveness.Abstractions;
using Liveness.Plugins.OnnxBackend;
using Liveness.Plugins.TorchBackend;
using Liveness.Host.Video;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace Liveness.Bench.Stages;

/// <summary>
/// The costly stages of one request on a benchmark clip: decoding the whole clip as the host does, detecting faces in one frame (the
/// host does it for every frame it samples: 10 a second), and classifying one face (5 per request, both MiniFASNets).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RequestStages
{
    /// <summary>The host's default <c>Pipeline:SampleIntervalSeconds</c>.</summary>
    private const double SampleIntervalSeconds = 0.1;

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

    /// <summary>The host's own decode of the whole clip: its <c>ffmpeg</c> child, the sampled frames read into one image.</summary>
    [Benchmark]
    public int Decode()
    {
        using var video = SampledVideo.Open(ClipPath, new VideoOptions(), NullLogger.Instance);
        return video.Frames(SampleIntervalSeconds, CancellationToken.None).Count();
    }

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

    /// <summary>The first sampled frame at or after <paramref name="seconds"/>, decoded as the host decodes it.</summary>
    private static Mat FrameAt(string clip, double seconds)
    {
        using var video = SampledVideo.Open(clip, new VideoOptions(), NullLogger.Instance);
        return video.Frames(SampleIntervalSeconds, CancellationToken.None).First(frame => frame.Seconds >= seconds).Image.Clone();
    }
}
