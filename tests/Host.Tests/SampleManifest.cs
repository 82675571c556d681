using Microsoft.VisualBasic.FileIO;

namespace Liveness.Host.Tests;

/// <summary>The rows of <c>../shared/data/manifest.csv</c>.</summary>
internal static class SampleManifest
{
    public sealed record Sample(string File, string Kind, string Label, string AttackType);

    public static IReadOnlyList<Sample> Samples { get; } = Read();

    public static IEnumerable<Sample> Videos(string label) =>
        Samples.Where(sample => sample.Kind == "video" && sample.Label == label);

    private static List<Sample> Read()
    {
        using var parser = new TextFieldParser(Path.Combine(SharedFiles.Root, "data", "manifest.csv"));
        parser.SetDelimiters(",");
        parser.HasFieldsEnclosedInQuotes = true;
        var header = parser.ReadFields()!.ToList();
        var samples = new List<Sample>();
        while (parser.ReadFields() is { } fields)
        {
            samples.Add(new Sample(
                fields[header.IndexOf("file")], fields[header.IndexOf("kind")],
                fields[header.IndexOf("label")], fields[header.IndexOf("attack_type")]));
        }

        return samples;
    }
}
