using Liveness.Abstractions;
using Liveness.Plugins.PluginSupport;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace Liveness.Plugins.OnnxBackend;

/// <summary>One MiniFASNet network with the crop scale it was trained on.</summary>
internal sealed class MiniFasNet : IMiniFasNet
{
    // The index of the live class; 0 and 2 are kinds of spoof.
    private const int LiveClass = 1;

    private const int InputSize = 80;
    private const int ClassCount = 3;

    // How many times the face box the crop spans, before it is fitted to the frame.
    private readonly double _cropScale;

    public MiniFasNet(InferenceSession session, double cropScale)
    {
        _cropScale = cropScale;
        Model = new OnnxModel(session, "input", [1, 3, InputSize, InputSize], ["output"]);
    }

    internal OnnxModel Model { get; }

    /// <summary>The probability, after the softmax over the three classes, that the face in <paramref name="frame"/> is live.</summary>
    public float LiveProbability(Mat frame, FaceBox face)
    {
        var logits = Logits(frame, face);
        // Subtracting the largest logit keeps the exponentials finite.
        var largest = logits.Max();
        return MathF.Exp(logits[LiveClass] - largest) / logits.Sum(logit => MathF.Exp(logit - largest));
    }

    /// <summary>The network's raw scores for the three classes.</summary>
    public float[] Logits(Mat frame, FaceBox face)
    {
        var region = AntiSpoofCrop.Around(face, _cropScale, frame.Width, frame.Height);
        var logits = Model.Infer(input => FillInput(input, frame, region), outputs => outputs[0].GetTensorDataAsSpan<float>().ToArray());
        return logits.Length == ClassCount
            ? logits
            : throw new InvalidOperationException($"MiniFASNet gave {logits.Length} scores, not {ClassCount}.");
    }

    public void Dispose() => Model.Dispose();

    /// <summary>Writes the crop resized to 80x80 as raw 0-255 BGR floats, NCHW: the authors' only preprocessing.</summary>
    private static void FillInput(float[] input, Mat frame, AntiSpoofCrop region)
    {
        using var crop = new Mat(frame, new Rect(region.Left, region.Top, region.Width, region.Height));
        using var resized = new Mat();
        Cv2.Resize(crop, resized, new Size(InputSize, InputSize), interpolation: InterpolationFlags.Linear);

        const int plane = InputSize * InputSize;
        var pixels = resized.AsSpan<byte>();
        for (var i = 0; i < plane; i++)
        {
            input[i] = pixels[3 * i];
            input[plane + i] = pixels[3 * i + 1];
            input[2 * plane + i] = pixels[3 * i + 2];
        }
    }
}
