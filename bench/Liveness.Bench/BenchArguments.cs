using System.Globalization;

namespace Liveness.Bench;

/// <summary>The <c>--name value</c> options of a command; a missing value falls back to the given default.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> values = [];

    public BenchArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 == args.Count)
            {
                throw new ArgumentException($"expected --name value, got '{args[i]}'");
            }

            values[args[i][2..]] = args[i + 1];
        }
    }

    public string? Text(string name) => values.GetValueOrDefault(name);

    public string RequiredText(string name) => Text(name) ?? throw new ArgumentException($"--{name} is required");

    public int? Integer(string name) => Text(name) is not { } text ? null
        : int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value
        : throw new ArgumentException($"--{name} must be a whole number, got '{text}'");

    public double? Number(string name) => Text(name) is not { } text ? null
        : double.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new ArgumentException($"--{name} must be a positive number, got '{text}'");
}
