using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace Liveness.Plugins.TorchBackend.Networks;

/// <summary>Residual blocks at one resolution and width, the last with squeeze-excitation in the SE networks: the authors' Residual and ResidualSE.</summary>
internal sealed class ResidualStage : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "model")]
    private readonly Sequential _blocks;

    /// <param name="channels">The stage's width, in and out.</param>
    /// <param name="expansions">The expanded width of each block, in order.</param>
    /// <param name="squeezeExcitation">Whether the last block reweighs its channels.</param>
    public ResidualStage(long channels, IReadOnlyList<long> expansions, bool squeezeExcitation)
        : base(nameof(ResidualStage))
    {
        _blocks = nn.Sequential(expansions.Select((expanded, i) =>
            DepthWiseBlock.Residual(channels, expanded, squeezeExcitation && i == expansions.Count - 1)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => _blocks.call(input);
}
