namespace Liveness.Plugins.TorchBackend.Networks;

/// <summary>What sets one MiniFASNet apart: the expanded widths its pruning kept, whether it has SE modules, its crop.</summary>
/// <remarks>The widths are those of the authors' keep lists ('1.8M_' for V2, '1.8M' for V1SE), stage by stage.</remarks>
/// <param name="Stage3">The expanded width of each residual block at 20x20 (64 channels).</param>
/// <param name="Stage4">The same at 10x10 (128 channels).</param>
/// <param name="Stage5">The same at 5x5 (128 channels).</param>
/// <param name="SqueezeExcitation">Whether the last block of each stage has an SE module (MiniFASNetSE).</param>
/// <param name="CropScale">How many times the face box the training crops spanned (the 2.7 and 4_0 in the file names).</param>
internal sealed record MiniFasNetArchitecture(
    string Name,
    long[] Stage3,
    long[] Stage4,
    long[] Stage5,
    bool SqueezeExcitation,
    double CropScale)
{
    public static MiniFasNetArchitecture V2 { get; } =
        new("MiniFASNetV2", [13, 13, 13, 13], [231, 52, 26, 77, 26, 26], [26, 26], SqueezeExcitation: false, CropScale: 2.7);

    public static MiniFasNetArchitecture V1SE { get; } =
        new("MiniFASNetV1SE", [13, 26, 13, 52], [154, 52, 26, 52, 26, 26], [26, 26], SqueezeExcitation: true, CropScale: 4.0);
}
