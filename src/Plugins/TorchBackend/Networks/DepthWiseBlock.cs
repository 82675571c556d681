using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Liveness.Plugins.TorchBackend.Networks;

/// <summary>
/// An inverted bottleneck: 1x1 expansion, 3x3 depthwise convolution, 1x1 linear projection, with an optional
/// squeeze-excitation and shortcut: the authors' Depth_Wise and Depth_Wise_SE.
/// </summary>
internal sealed class DepthWiseBlock : nn.Module<Tensor, Tensor>
{
    // The authors' SE modules squeeze the channels four times.
    private const long SqueezeReduction = 4;

    [ComponentName(Name = "conv")]
    private readonly ConvBlock _expand;

    [ComponentName(Name = "conv_dw")]
    private readonly ConvBlock _depthWise;

    [ComponentName(Name = "project")]
    private readonly ConvBlock _project;

    [ComponentName(Name = "se_module")]
    private readonly SqueezeExcitation? _squeezeExcitation;

    private readonly bool _residual;

    private DepthWiseBlock(long input, long expanded, long output, long stride, bool residual, bool squeezeExcitation)
        : base(nameof(DepthWiseBlock))
    {
        _expand = ConvBlock.Activated(input, expanded);
        _depthWise = ConvBlock.Activated(expanded, expanded, kernel: 3, stride: stride, padding: 1, groups: expanded);
        _project = ConvBlock.Linear(expanded, output);
        _squeezeExcitation = squeezeExcitation ? new SqueezeExcitation(output, SqueezeReduction) : null;
        _residual = residual;
        RegisterComponents();
    }

    /// <summary>A block that halves the resolution and changes the width, with no shortcut.</summary>
    public static DepthWiseBlock Downsampling(long input, long expanded, long output) =>
        new(input, expanded, output, stride: 2, residual: false, squeezeExcitation: false);

    /// <summary>A block that keeps resolution and width and adds its input back.</summary>
    public static DepthWiseBlock Residual(long channels, long expanded, bool squeezeExcitation) =>
        new(channels, expanded, channels, stride: 1, residual: true, squeezeExcitation);

    public override Tensor forward(Tensor input)
    {
        var output = _project.call(_depthWise.call(_expand.call(input)));
        if (_squeezeExcitation is not null)
        {
            output = _squeezeExcitation.call(output);
        }

        return _residual ? input + output : output;
    }
}
