using System.Text;

namespace Liveness.OnnxBackend.Tests;

/// <summary>A labelled still frame listed in the shared data's <c>manifest.csv</c>.</summary>
internal sealed record ManifestFrame(string File, bool Live, string AttackType)
{
    public static IReadOnlyList<ManifestFrame> All { get; } = Read();

    private static List<ManifestFrame> Read()
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(SharedData.DataDirectory, "manifest.csv"));
        var header = SplitCsv(lines[0]);
        int Column(string name) => header.IndexOf(name);
        var (file, kind, label, attack) = (Column("file"), Column("kind"), Column("label"), Column("attack_type"));
        return lines.Skip(1)
            .Where(line => line.Length > 0)
            .Select(SplitCsv)
            .Where(fields => fields[kind] == "frame")
            .Select(fields => new ManifestFrame(fields[file], fields[label] == "live", fields[attack]))
            .ToList();
    }

    /// <summary>Splits one CSV line, honouring quoted fields that hold commas or doubled quotes.</summary>
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
