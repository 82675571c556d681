namespace Liveness.Plugins.TorchBackend;

/// <summary>The model files this backend needs, named as in its <c>plugin.json</c> manifest: the authors' own checkpoints.</summary>
internal static class ModelFiles
{
    public const string MiniFasNetV2 = "minifasnet/2.7_80x80_MiniFASNetV2.pth";

    public const string MiniFasNetV1SE = "minifasnet/4_0_0_80x80_MiniFASNetV1SE.pth";
}
