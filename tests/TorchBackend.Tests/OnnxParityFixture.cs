using Liveness.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace Liveness.TorchBackend.Tests;

/// <summary>
/// Both backends on the same weights, the ONNX exports opened directly as well, and the face the ONNX detector finds
/// in each labelled frame of the shared data.
/// </summary>
public sealed class OnnxParityFixture : IDisposable
{
    public OnnxParityFixture()
    {
        Torch = Backends.CreateTorch();
        Onnx = Backends.CreateOnnx();
        Torch.WarmUp();
        Onnx.WarmUp();

        // One thread per run, as the ONNX backend's own sessions: the timings compare like with like.
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        V2Export = new InferenceSession(SharedData.Model("minifasnet/2.7_80x80_MiniFASNetV2.onnx"), options);
        V1SEExport = new InferenceSession(SharedData.Model("minifasnet/4_0_0_80x80_MiniFASNetV1SE.onnx"), options);

        Faces = ManifestFrame.All.Select(frame =>
        {
            using var loaded = LoadedFrame.Shared(frame.File);
            var faces = Onnx.Detector!.Detect(loaded.Image);
            return faces.Count > 0 ? (frame.File, faces[0].Box) : throw new InvalidOperationException($"no face in {frame.File}");
        }).ToList();
    }

    public IModelBackend Torch { get; }

    public IModelBackend Onnx { get; }

    public InferenceSession V2Export { get; }

    public InferenceSession V1SEExport { get; }

    /// <summary>Each labelled frame's file with the box of its most confident face.</summary>
    public IReadOnlyList<(string File, FaceBox Box)> Faces { get; }

    public void Dispose()
    {
        Torch.Dispose();
        Onnx.Dispose();
        V2Export.Dispose();
        V1SEExport.Dispose();
    }
}
