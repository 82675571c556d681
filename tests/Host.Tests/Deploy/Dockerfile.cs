using System.Text.RegularExpressions;

namespace Liveness.Host.Tests.Deploy;

/// <summary><c>deploy/Dockerfile</c> as its build stages, each a list of instructions with continuation lines joined.</summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<Stage> stages) => Stages = stages;

    public IReadOnlyList<Stage> Stages { get; }

    /// <summary>The stage the image is made of.</summary>
    public Stage Runtime => Stages[^1];

    public static Dockerfile Load() => Parse(File.ReadAllLines(DeployFiles.Path("Dockerfile")));

    public static Dockerfile Parse(IEnumerable<string> lines)
    {
        var instructions = new List<Instruction>();
        var pending = "";
        foreach (var line in lines.Select(line => line.Trim()))
        {
            if (line.StartsWith('#') || (pending.Length == 0 && line.Length == 0))
            {
                continue;
            }

            pending += (pending.Length > 0 ? " " : "") + line.TrimEnd('\\').Trim();
            if (!line.EndsWith('\\'))
            {
                var split = pending.IndexOf(' ', StringComparison.Ordinal);
                instructions.Add(new Instruction(pending[..split].ToUpperInvariant(), pending[(split + 1)..].Trim()));
                pending = "";
            }
        }

        var stages = new List<(string From, List<Instruction> Instructions)>();
        foreach (var instruction in instructions)
        {
            if (instruction.Keyword == "FROM")
            {
                stages.Add((instruction.Arguments, []));
            }
            else if (stages.Count > 0)
            {
                stages[^1].Instructions.Add(instruction);
            }
        }

        return new Dockerfile(stages.Select(stage => new Stage(stage.From, stage.Instructions)).ToList());
    }

    /// <summary>One build stage: its <c>FROM</c> arguments and what follows it.</summary>
    public sealed record Stage(string From, IReadOnlyList<Instruction> Instructions)
    {
        public IEnumerable<string> Arguments(string keyword) =>
            Instructions.Where(instruction => instruction.Keyword == keyword).Select(instruction => instruction.Arguments);

        /// <summary>The stage's <c>ENV</c> (the <c>NAME=value</c> form).</summary>
        public IReadOnlyDictionary<string, string> Environment() => Arguments("ENV")
            .SelectMany(arguments => NameValue().Matches(arguments))
            .ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value.Trim('"'));
    }

    public sealed record Instruction(string Keyword, string Arguments);

    [GeneratedRegex("""([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)""")]
    private static partial Regex NameValue();
}
