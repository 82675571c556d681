using BenchmarkDotNet.Attributes;
using Liveness.Abstractions;
using Liveness.Plugins.OnnxBackend;
using Liveness.Plugins.TorchBackend;
using Liveness.Host.Pipeline;
using Liveness.Host.Pipeline.Cues;
using Liveness.Host.Video;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;

namespace Liveness.Bench.Stages;

/// <summary>
/// The costly stages of one request on a benchmark clip, each once: decoding the whole clip as the host does, detecting faces in one
/// frame (the host does it on every frame it samples, <c>Pipeline:SampleIntervalSeconds</c> apart), classifying one face (both
/// MiniFASNets; the host does it every <c>Pipeline:CoverageSeconds</c>, at most <c>Pipeline:CoverageFrames</c> a face), looking
/// for devices in one frame (<c>Pipeline:SceneFrames</c> a request) and one motion step (one every <see cref="FaceMotion.StepSeconds"/>).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RequestStages
{
    private static readonly double SampleIntervalSeconds = new PipelineOptions().SampleIntervalSeconds;

    private IModelBackend backend = null!;
    private IModelBackend torch = null!;
    private Mat frame = null!;
    private Mat next = null!;
    private FaceBox face;
    private FaceMotion motion = null!;
    private double motionSeconds;

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
        next = FrameAt(ClipPath, seconds: 2 + FaceMotion.StepSeconds);
        face = backend.Detector!.Detect(Frame).FirstOrDefault()?.Box
            ?? throw new InvalidOperationException($"no face 2 s into {ClipPath}");
        motion = new FaceMotion();
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

    /// <summary>The scene detector (YOLOX-Nano) on the whole frame.</summary>
    [Benchmark]
    public int DetectScene() => backend.SceneDetector!.Detect(Frame).Count;

    /// <summary>
    /// One motion step as the host's second thread takes it: the frame to gray at the tracked scale, corners on the face and around
    /// it, their optical flow from the frame before and the homography. The two frames alternate, one step apart in container time.
    /// </summary>
    [Benchmark]
    public int TrackMotion()
    {
        motionSeconds += FaceMotion.StepSeconds;
        motion.Observe(Math.Round(motionSeconds / FaceMotion.StepSeconds) % 2 == 0 ? frame : next, motionSeconds, track: 1, face);
        return motion.Steps.Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        motion.Dispose();
        next.Dispose();
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
