using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Liveness.Plugins.TorchBackend.Networks;

/// <summary>A convolution without bias, batch norm, then PReLU unless linear: the authors' Conv_block and Linear_block.</summary>
internal sealed class ConvBlock : nn.Module<Tensor, Tensor>
{
    // Field names are the state dict's: RegisterComponents names each submodule after them.
    [ComponentName(Name = "conv")]
    private readonly Conv2d _conv;

    [ComponentName(Name = "bn")]
    private readonly BatchNorm2d _bn;

    [ComponentName(Name = "prelu")]
    private readonly PReLU? _prelu;

    private ConvBlock(long input, long output, long kernel, long stride, long padding, long groups, bool activated)
        : base(nameof(ConvBlock))
    {
        _conv = nn.Conv2d(input, output, kernel, stride: stride, padding: padding, groups: groups, bias: false);
        _bn = nn.BatchNorm2d(output);
        _prelu = activated ? nn.PReLU(output) : null;
        RegisterComponents();
    }

    /// <summary>Conv_block: convolution, batch norm, PReLU.</summary>
    public static ConvBlock Activated(long input, long output, long kernel = 1, long stride = 1, long padding = 0, long groups = 1) =>
        new(input, output, kernel, stride, padding, groups, activated: true);

    /// <summary>Linear_block: convolution and batch norm, no activation.</summary>
    public static ConvBlock Linear(long input, long output, long kernel = 1, long groups = 1) =>
        new(input, output, kernel, stride: 1, padding: 0, groups, activated: false);

    public override Tensor forward(Tensor input)
    {
        var normalised = _bn.call(_conv.call(input));
        return _prelu is null ? normalised : _prelu.call(normalised);
    }
}
