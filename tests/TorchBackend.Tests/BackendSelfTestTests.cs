using Liveness.Abstractions;
using Liveness.Plugins.TorchBackend.Checkpoints;
using Xunit.Abstractions;

namespace Liveness.TorchBackend.Tests;

public sealed class BackendSelfTestTests(ITestOutputHelper output)
{
    [Fact]
    public void Passes_on_the_pinned_checkpoints_as_a_classifier_only()
    {
        using var backend = Backends.CreateTorch();

        var result = backend.SelfTest();
        output.WriteLine(result.Detail);

        Assert.True(result.Passed, result.Detail);
        Assert.Null(backend.Detector);
        Assert.NotNull(backend.Classifier);
    }

    [Fact]
    public void Fails_on_weights_that_load_but_are_not_the_pinned_ones()
    {
        // The authors' V2 weights with the classifier's weights nudged by 10%: the same names and shapes.
        var weights = TorchCheckpoint.Read(SharedData.Model(Backends.V2))
            .ToDictionary(entry => entry.Key, entry => entry.Key == "module.prob.weight" ? Scaled(entry.Value, 1.1f) : entry.Value);
        var nudged = Path.Combine(Path.GetTempPath(), $"nudged-{Guid.NewGuid():N}.pth");
        File.WriteAllBytes(nudged, TorchSave.Zip(weights));
        try
        {
            var models = Backends.PinnedModels();
            models[Backends.V2] = nudged;
            using var backend = Backends.CreateTorch(models);

            var result = backend.SelfTest();
            output.WriteLine(result.Detail);

            Assert.False(result.Passed);
            Assert.Contains("MiniFASNetV2 scored", result.Detail);
            Assert.DoesNotContain("MiniFASNetV1SE", result.Detail);
        }
        finally
        {
            File.Delete(nudged);
        }
    }

    [Fact]
    public void Refuses_to_start_when_the_two_checkpoints_are_swapped()
    {
        var models = Backends.PinnedModels();
        (models[Backends.V2], models[Backends.V1SE]) = (models[Backends.V1SE], models[Backends.V2]);

        var error = Assert.Throws<InvalidDataException>(() => Backends.CreateTorch(models));
        output.WriteLine(error.Message);

        Assert.StartsWith("The checkpoint does not fit MiniFASNetV2: ", error.Message);
        Assert.Contains("unexpected conv_3.model.3.se_module.fc1.weight", error.Message);
        Assert.Contains("conv_3.model.1.conv.conv.weight is [26, 64, 1, 1] in the checkpoint but [13, 64, 1, 1] in the network", error.Message);
    }

    [Fact]
    public void Refuses_to_start_on_a_checkpoint_with_a_weight_missing()
    {
        var weights = TorchCheckpoint.Read(SharedData.Model(Backends.V1SE))
            .Where(entry => entry.Key != "module.conv_6_dw.bn.running_var")
            .ToDictionary(entry => entry.Key, entry => entry.Value);
        var incomplete = Path.Combine(Path.GetTempPath(), $"incomplete-{Guid.NewGuid():N}.pth");
        File.WriteAllBytes(incomplete, TorchSave.Zip(weights));
        try
        {
            var models = Backends.PinnedModels();
            models[Backends.V1SE] = incomplete;

            var error = Assert.Throws<InvalidDataException>(() => Backends.CreateTorch(models));

            Assert.Equal("The checkpoint does not fit MiniFASNetV1SE: missing conv_6_dw.bn.running_var.", error.Message);
        }
        finally
        {
            File.Delete(incomplete);
        }
    }

    private static CheckpointTensor Scaled(CheckpointTensor tensor, float factor)
    {
        var values = tensor.ToSingles().Select(value => value * factor).ToArray();
        return tensor with { Data = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray() };
    }
}
