using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Liveness.Plugins.TorchBackend.Networks;

/// <summary>Reweighs each channel by a gate computed from the channel means: the authors' SEModule.</summary>
internal sealed class SqueezeExcitation : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "fc1")]
    private readonly Conv2d _squeeze;

    [ComponentName(Name = "bn1")]
    private readonly BatchNorm2d _squeezeNorm;

    [ComponentName(Name = "fc2")]
    private readonly Conv2d _excite;

    [ComponentName(Name = "bn2")]
    private readonly BatchNorm2d _exciteNorm;

    public SqueezeExcitation(long channels, long reduction)
        : base(nameof(SqueezeExcitation))
    {
        _squeeze = nn.Conv2d(channels, channels / reduction, 1, bias: false);
        _squeezeNorm = nn.BatchNorm2d(channels / reduction);
        _excite = nn.Conv2d(channels / reduction, channels, 1, bias: false);
        _exciteNorm = nn.BatchNorm2d(channels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var means = nn.functional.adaptive_avg_pool2d(input, 1);
        var squeezed = nn.functional.relu(_squeezeNorm.call(_squeeze.call(means)));
        return input * nn.functional.sigmoid(_exciteNorm.call(_excite.call(squeezed)));
    }
}
