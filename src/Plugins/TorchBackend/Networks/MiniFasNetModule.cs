using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Liveness.Plugins.TorchBackend.Networks;

/// <summary>
/// MiniFASNet as its authors define it (their MiniFASNet and MiniFASNetSE): an 80x80 BGR crop, raw 0-255 values,
/// NCHW, in; three class logits out. Submodules carry the authors' names, so its state dict is theirs.
/// </summary>
internal sealed class MiniFasNetModule : nn.Module<Tensor, Tensor>
{
    public const int InputSize = 80;

    // Four stride-2 steps leave 5x5, which the global depthwise convolution spans whole (the authors' get_kernel).
    private const long FinalMapSize = (InputSize + 15) / 16;
    private const long FeatureWidth = 512;
    private const long EmbeddingSize = 128;
    private const long ClassCount = 3;

    [ComponentName(Name = "conv1")]
    private readonly ConvBlock _stem;

    [ComponentName(Name = "conv2_dw")]
    private readonly ConvBlock _stemDepthWise;

    [ComponentName(Name = "conv_23")]
    private readonly DepthWiseBlock _down3;

    [ComponentName(Name = "conv_3")]
    private readonly ResidualStage _stage3;

    [ComponentName(Name = "conv_34")]
    private readonly DepthWiseBlock _down4;

    [ComponentName(Name = "conv_4")]
    private readonly ResidualStage _stage4;

    [ComponentName(Name = "conv_45")]
    private readonly DepthWiseBlock _down5;

    [ComponentName(Name = "conv_5")]
    private readonly ResidualStage _stage5;

    [ComponentName(Name = "conv_6_sep")]
    private readonly ConvBlock _widen;

    [ComponentName(Name = "conv_6_dw")]
    private readonly ConvBlock _globalDepthWise;

    [ComponentName(Name = "linear")]
    private readonly Linear _embed;

    [ComponentName(Name = "bn")]
    private readonly BatchNorm1d _embeddingNorm;

    [ComponentName(Name = "prob")]
    private readonly Linear _classify;

    public MiniFasNetModule(MiniFasNetArchitecture architecture)
        : base(architecture.Name)
    {
        // The widths outside the residual stages are the same in both networks' keep lists.
        var se = architecture.SqueezeExcitation;
        _stem = ConvBlock.Activated(3, 32, kernel: 3, stride: 2, padding: 1);
        _stemDepthWise = ConvBlock.Activated(32, 32, kernel: 3, padding: 1, groups: 32);
        _down3 = DepthWiseBlock.Downsampling(32, 103, 64);
        _stage3 = new ResidualStage(64, architecture.Stage3, se);
        _down4 = DepthWiseBlock.Downsampling(64, 231, 128);
        _stage4 = new ResidualStage(128, architecture.Stage4, se);
        _down5 = DepthWiseBlock.Downsampling(128, 308, 128);
        _stage5 = new ResidualStage(128, architecture.Stage5, se);
        _widen = ConvBlock.Activated(128, FeatureWidth);
        _globalDepthWise = ConvBlock.Linear(FeatureWidth, FeatureWidth, kernel: FinalMapSize, groups: FeatureWidth);
        _embed = nn.Linear(FeatureWidth, EmbeddingSize, hasBias: false);
        _embeddingNorm = nn.BatchNorm1d(EmbeddingSize);
        _classify = nn.Linear(EmbeddingSize, ClassCount, hasBias: false);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        // 80x80 -> 40 (stem) -> 20 -> 10 -> 5 -> 1 (global depthwise convolution).
        var features = _stemDepthWise.call(_stem.call(input));
        features = _stage3.call(_down3.call(features));
        features = _stage4.call(_down4.call(features));
        features = _stage5.call(_down5.call(features));
        features = _globalDepthWise.call(_widen.call(features)).flatten(1);
        // The authors' dropout has p = 0: nothing to do, in training or not.
        return _classify.call(_embeddingNorm.call(_embed.call(features)));
    }
}
