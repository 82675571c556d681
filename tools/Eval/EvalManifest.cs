using Microsoft.VisualBasic.FileIO;

namespace Liveness.Tools.Eval;

/// <summary>Reads the samples to measure: a CSV with columns <c>file</c>, <c>label</c> (live or spoof) and <c>attack_type</c>; other columns are ignored.</summary>
internal static class EvalManifest
{
    public const string Unspecified = "unspecified";

    public static IReadOnlyList<Sample> Read(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        using var parser = new TextFieldParser(path);
        parser.SetDelimiters(",");
        parser.HasFieldsEnclosedInQuotes = true;
        parser.TrimWhiteSpace = true;
        var header = parser.ReadFields() ?? throw new InvalidDataException($"{path}: the manifest is empty");
        var file = Column(header, "file", path);
        var label = Column(header, "label", path);
        var attackType = Column(header, "attack_type", path);

        var samples = new List<Sample>();
        var row = 1;
        while (parser.ReadFields() is { } fields)
        {
            row++;
            if (fields.Length <= Math.Max(file, Math.Max(label, attackType)))
            {
                throw new InvalidDataException($"{path}, row {row}: {fields.Length} fields, fewer than the header names");
            }

            var bonaFide = fields[label].ToLowerInvariant() switch
            {
                "live" => true,
                "spoof" => false,
                var other => throw new InvalidDataException($"{path}, row {row}: label '{other}' is neither live nor spoof"),
            };
            var name = fields[file];
            samples.Add(new Sample(
                name,
                Path.GetFullPath(name, folder),
                Sample.KindOf(name),
                bonaFide,
                bonaFide || fields[attackType].Length > 0 ? fields[attackType] : Unspecified));
        }

        return samples;
    }

    private static int Column(string[] header, string name, string path) =>
        Array.IndexOf(header, name) is var index and >= 0
            ? index
            : throw new InvalidDataException($"{path}: no '{name}' column (the manifest needs file, label and attack_type)");
}
