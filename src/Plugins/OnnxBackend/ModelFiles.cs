namespace Liveness.Plugins.OnnxBackend;

/// <summary>The model files this backend needs, named as in its <c>plugin.json</c> manifest.</summary>
internal static class ModelFiles
{
    public const string BlazeFace = "blazeface/face_detection_front_128x128_barracuda.onnx";

    public const string MiniFasNetV2 = "minifasnet/2.7_80x80_MiniFASNetV2.onnx";

    public const string MiniFasNetV1SE = "minifasnet/4_0_0_80x80_MiniFASNetV1SE.onnx";

    public const string YoloxNano = "candidates/yolox_nano.onnx";
}
