using Liveness.Abstractions;
using Xunit.Abstractions;

namespace Liveness.OnnxBackend.Tests;

public sealed class BackendSelfTestTests(ITestOutputHelper output)
{
    private const string Detector = "blazeface/face_detection_front_128x128_barracuda.onnx";
    private const string V2 = "minifasnet/2.7_80x80_MiniFASNetV2.onnx";
    private const string V1SE = "minifasnet/4_0_0_80x80_MiniFASNetV1SE.onnx";
    private const string SceneDetector = "candidates/yolox_nano.onnx";

    [Fact]
    public void Passes_on_the_pinned_models()
    {
        using var backend = Backends.Create();

        var result = backend.SelfTest();
        output.WriteLine(result.Detail);

        Assert.True(result.Passed, result.Detail);
        Assert.NotNull(backend.Detector);
        Assert.NotNull(backend.Classifier);
        Assert.NotNull(backend.SceneDetector);
    }

    [Fact]
    public void Fails_when_another_COCO_detector_is_given_as_the_scene_detector()
    {
        var models = Backends.PinnedModels();
        models[SceneDetector] = SharedData.Model("candidates/nanodet_m_416.onnx");
        using var backend = Backends.Create(models);

        var result = backend.SelfTest();
        output.WriteLine(result.Detail);

        Assert.False(result.Passed);
        Assert.Contains("YOLOX-Nano: no input 'images'", result.Detail);
        Assert.DoesNotContain("BlazeFace", result.Detail);
    }

    [Fact]
    public void Fails_when_the_two_MiniFASNets_are_swapped()
    {
        var models = Backends.PinnedModels();
        (models[V2], models[V1SE]) = (models[V1SE], models[V2]);
        using var backend = Backends.Create(models);

        var result = backend.SelfTest();
        output.WriteLine(result.Detail);

        Assert.False(result.Passed);
        Assert.Contains("MiniFASNetV2 scored", result.Detail);
        Assert.Contains("MiniFASNetV1SE scored", result.Detail);
    }

    [Fact]
    public void Fails_when_one_MiniFASNet_serves_both_roles()
    {
        var models = Backends.PinnedModels();
        models[V1SE] = models[V2];
        using var backend = Backends.Create(models);

        var result = backend.SelfTest();
        output.WriteLine(result.Detail);

        Assert.False(result.Passed);
        Assert.DoesNotContain("MiniFASNetV2", result.Detail);
        Assert.Contains("MiniFASNetV1SE scored", result.Detail);
    }

    [Fact]
    public void Fails_when_the_back_camera_model_is_given_as_the_detector()
    {
        var models = Backends.PinnedModels();
        models[Detector] = SharedData.Model("blazeface/face_detection_back_256x256_barracuda.onnx");
        using var backend = Backends.Create(models);

        var result = backend.SelfTest();
        output.WriteLine(result.Detail);

        Assert.False(result.Passed);
        Assert.Contains("BlazeFace", result.Detail);
    }

    [Fact]
    public void Fails_when_a_classifier_file_is_given_as_the_detector()
    {
        var models = Backends.PinnedModels();
        models[Detector] = models[V2];
        using var backend = Backends.Create(models);

        var result = backend.SelfTest();
        output.WriteLine(result.Detail);

        Assert.False(result.Passed);
        Assert.Contains("no input 'input:0'", result.Detail);
    }
}
