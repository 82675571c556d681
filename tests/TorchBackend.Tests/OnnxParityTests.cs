using Liveness.Plugins.OnnxBackend;
using Liveness.Plugins.PluginSupport;
using Liveness.Plugins.TorchBackend;
using Microsoft.ML.OnnxRuntime;
using TorchSharp;
using Xunit.Abstractions;

namespace Liveness.TorchBackend.Tests;

/// <summary>The networks built in TorchSharp from the authors' checkpoints answer as their ONNX exports do.</summary>
public sealed class OnnxParityTests(OnnxParityFixture fixture, ITestOutputHelper output) : IClassFixture<OnnxParityFixture>
{
    // The .pth files and the ONNX exports hold the same weights, batch norm folded into the convolutions in the
    // exports: only float rounding may differ.
    private const float Tolerance = 1e-4f;

    private MiniFasNetClassifier Torch => (MiniFasNetClassifier)fixture.Torch.Classifier!;

    [Theory]
    [InlineData("MiniFASNetV2")]
    [InlineData("MiniFASNetV1SE")]
    public void Each_network_gives_the_live_probability_of_its_onnx_export_on_every_face(string network)
    {
        var (onTorch, export) = Network(network);
        var (largest, worst) = (0f, string.Empty);
        foreach (var (file, box) in fixture.Faces)
        {
            using var frame = LoadedFrame.Shared(file);
            using var image = frame.Image.AsMat();
            using var scope = torch.NewDisposeScope();
            using var inference = torch.inference_mode();
            var input = onTorch.Input(image, box);

            var torchLive = onTorch.Run(input).softmax(1)[0, 1].item<float>();
            var onnxLive = LiveProbability(RunExport(export, input.data<float>().ToArray()));

            if (Math.Abs(torchLive - onnxLive) > largest)
            {
                (largest, worst) = (Math.Abs(torchLive - onnxLive), file);
            }
        }

        output.WriteLine($"{network} (crop {onTorch.Architecture.CropScale}x) on {fixture.Faces.Count} faces: largest difference {largest:E2} ({worst})");
        Assert.True(largest <= Tolerance, $"{network} differs by {largest} on {worst}");
    }

    [Fact]
    public void The_fused_live_probability_matches_the_onnx_backend_on_every_face()
    {
        var onnx = fixture.Onnx.Classifier!;
        var largest = 0f;
        foreach (var (file, box) in fixture.Faces)
        {
            using var frame = LoadedFrame.Shared(file);
            largest = Math.Max(largest, Math.Abs(Torch.LiveProbability(frame.Image, box) - onnx.LiveProbability(frame.Image, box)));
        }

        output.WriteLine($"fused live probability on {fixture.Faces.Count} faces: largest difference {largest:E2}");
        Assert.True(largest <= Tolerance, $"the fused scores differ by up to {largest}");
    }

    private (MiniFasNet Torch, InferenceSession Export) Network(string name) => name switch
    {
        "MiniFASNetV2" => (Torch.V2, fixture.V2Export),
        "MiniFASNetV1SE" => (Torch.V1SE, fixture.V1SEExport),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private static float[] RunExport(InferenceSession export, float[] input)
    {
        using var tensor = OrtValue.CreateTensorValueFromMemory(input, [1, 3, 80, 80]);
        using var outputs = export.Run(new RunOptions(), ["input"], [tensor], ["output"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static float LiveProbability(float[] logits)
    {
        var exponentials = logits.Select(logit => Math.Exp(logit - logits.Max())).ToArray();
        return (float)(exponentials[1] / exponentials.Sum());
    }
}
