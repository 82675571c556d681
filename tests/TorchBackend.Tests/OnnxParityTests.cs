using System.Diagnostics;
using Liveness.Plugins.OnnxBackend;
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

    [Fact]
    public void Runs_a_network_on_a_face_crop_in_a_few_milliseconds_on_one_thread()
    {
        var crops = fixture.Faces.Take(40).SelectMany(face =>
        {
            using var frame = LoadedFrame.Shared(face.File);
            using var image = frame.Image.AsMat();
            using var scope = torch.NewDisposeScope();
            return new[] { Torch.V2, Torch.V1SE }.Select(network => (network, input: network.Input(image, face.Box).data<float>().ToArray())).ToList();
        }).ToList();

        var torchTimes = crops.Select(crop => Timed(() =>
        {
            using var scope = torch.NewDisposeScope();
            using var inference = torch.inference_mode();
            crop.network.Run(torch.tensor(crop.input, [1, 3, 80, 80]));
        })).ToList();
        var onnxTimes = crops.Select(crop => Timed(() => RunExport(Network(crop.network.Architecture.Name).Export, crop.input))).ToList();
        var faceTimes = fixture.Faces.Take(40).Select(face =>
        {
            using var frame = LoadedFrame.Shared(face.File);
            return (Torch: Timed(() => Torch.LiveProbability(frame.Image, face.Box)), Onnx: Timed(() => fixture.Onnx.Classifier!.LiveProbability(frame.Image, face.Box)));
        }).ToList();

        var torchMedian = Median(torchTimes);
        output.WriteLine($"one network on one 80x80 crop, median of {crops.Count}: TorchSharp {torchMedian:F2} ms, ONNX Runtime {Median(onnxTimes):F2} ms");
        output.WriteLine($"both networks on one face, crops included, median of {faceTimes.Count}: "
            + $"TorchSharp {Median(faceTimes.Select(time => time.Torch)):F2} ms, ONNX Runtime {Median(faceTimes.Select(time => time.Onnx)):F2} ms");
        // ONNX Runtime takes about 3 ms; ten times that would mean libtorch fights over threads or runs something twice.
        Assert.InRange(torchMedian, 0, 30);
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

    private static double Timed(Action action)
    {
        var started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
