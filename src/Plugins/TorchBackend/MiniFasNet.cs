using Liveness.Abstractions;
using Liveness.Plugins.PluginSupport;
using Liveness.Plugins.TorchBackend.Checkpoints;
using Liveness.Plugins.TorchBackend.Networks;
using OpenCvSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace Liveness.Plugins.TorchBackend;

/// <summary>One MiniFASNet on libtorch, loaded from its checkpoint, with the crop scale it was trained on.</summary>
/// <remarks>Safe to call from several threads at once: the module is only read, and each call's tensors are its own.</remarks>
internal sealed class MiniFasNet : IMiniFasNet
{
    // The index of the live class; 0 and 2 are kinds of spoof.
    private const int LiveClass = 1;

    private readonly MiniFasNetModule _module;
    private readonly Device _device;

    public MiniFasNet(MiniFasNetArchitecture architecture, IReadOnlyDictionary<string, CheckpointTensor> checkpoint, Device device)
    {
        Architecture = architecture;
        _device = device;
        _module = new MiniFasNetModule(architecture);
        try
        {
            CheckpointWeights.Load(_module, architecture.Name, checkpoint);
            // Batch norm must use the running statistics it was trained to, not the batch's.
            _module.eval();
            _module.to(device);
        }
        catch
        {
            _module.Dispose();
            throw;
        }
    }

    public MiniFasNetArchitecture Architecture { get; }

    /// <summary>The probability, after the softmax over the three classes, that the face in <paramref name="frame"/> is live.</summary>
    public float LiveProbability(Mat frame, FaceBox face)
    {
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        return Run(Input(frame, face)).softmax(1)[0, LiveClass].item<float>();
    }

    /// <summary>The network's raw scores for the three classes.</summary>
    public float[] Logits(Mat frame, FaceBox face)
    {
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        return Run(Input(frame, face)).data<float>().ToArray();
    }

    /// <summary>The network's input for a face: the authors' crop resized to 80x80, raw 0-255 BGR floats, NCHW.</summary>
    /// <remarks>The tensor belongs to the caller's dispose scope.</remarks>
    internal Tensor Input(Mat frame, FaceBox face)
    {
        const int size = MiniFasNetModule.InputSize;
        var region = AntiSpoofCrop.Around(face, Architecture.CropScale, frame.Width, frame.Height);
        using var crop = new Mat(frame, new Rect(region.Left, region.Top, region.Width, region.Height));
        using var resized = new Mat();
        Cv2.Resize(crop, resized, new OpenCvSharp.Size(size, size), interpolation: InterpolationFlags.Linear);
        return tensor(resized.AsSpan<byte>().ToArray(), [size, size, 3]).permute(2, 0, 1).unsqueeze(0).to_type(ScalarType.Float32);
    }

    /// <summary>The logits, on the CPU, for an input from <see cref="Input"/>; call under inference mode.</summary>
    internal Tensor Run(Tensor input) => _module.call(input.to(_device)).cpu();

    public void Dispose() => _module.Dispose();
}
