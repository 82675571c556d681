using Liveness.Plugins.TorchBackend.Checkpoints;
using static TorchSharp.torch;

namespace Liveness.Plugins.TorchBackend.Networks;

/// <summary>Copies a checkpoint's tensors into a module, once they are shown to fit it exactly.</summary>
internal static class CheckpointWeights
{
    // Models trained under nn.DataParallel are saved with every key under "module."; the authors strip it on loading.
    private const string DataParallelPrefix = "module.";

    // Enough of each kind of problem to show what is wrong without burying it.
    private const int NamesShown = 5;

    /// <exception cref="InvalidDataException">A name is missing or extra, or a tensor has another shape or element type.</exception>
    public static void Load(nn.Module module, string networkName, IReadOnlyDictionary<string, CheckpointTensor> checkpoint)
    {
        var prefix = checkpoint.Keys.All(name => name.StartsWith(DataParallelPrefix, StringComparison.Ordinal)) ? DataParallelPrefix.Length : 0;
        var weights = checkpoint.ToDictionary(entry => entry.Key[prefix..], entry => entry.Value);
        var targets = module.state_dict();

        var problems = new List<string>();
        var missing = targets.Keys.Where(name => !weights.ContainsKey(name)).ToList();
        var extra = weights.Keys.Where(name => !targets.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"missing {Shown(missing, ", ")}");
        }

        if (extra.Count > 0)
        {
            problems.Add($"unexpected {Shown(extra, ", ")}");
        }

        var mismatched = new List<string>();
        foreach (var (name, target) in targets)
        {
            if (weights.TryGetValue(name, out var weight) && Mismatch(weight, target) is { } mismatch)
            {
                mismatched.Add($"{name} {mismatch}");
            }
        }

        if (mismatched.Count > 0)
        {
            problems.Add(Shown(mismatched, "; "));
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"The checkpoint does not fit {networkName}: {string.Join("; ", problems)}.");
        }

        using var scope = NewDisposeScope();
        var sources = targets.Keys.ToDictionary(name => name, name => ToTensor(weights[name]));
        module.load_state_dict(sources, strict: true);
    }

    private static string? Mismatch(CheckpointTensor weight, Tensor target)
    {
        if (!weight.Shape.SequenceEqual(target.shape))
        {
            return $"is [{string.Join(", ", weight.Shape)}] in the checkpoint but [{string.Join(", ", target.shape)}] in the network";
        }

        var expected = target.dtype switch
        {
            ScalarType.Float32 => TensorElementType.Float32,
            ScalarType.Int64 => TensorElementType.Int64,
            _ => (TensorElementType?)null,
        };
        return weight.ElementType == expected ? null : $"holds {weight.ElementType} where the network has {target.dtype}";
    }

    private static Tensor ToTensor(CheckpointTensor weight) => weight.ElementType switch
    {
        TensorElementType.Float32 => tensor(weight.ToSingles(), weight.Shape),
        _ => tensor(weight.ToInt64s(), weight.Shape),
    };

    private static string Shown(List<string> items, string separator) =>
        string.Join(separator, items.Take(NamesShown)) + (items.Count > NamesShown ? $" and {items.Count - NamesShown} more" : string.Empty);
}
