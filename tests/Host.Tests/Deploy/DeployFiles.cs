using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Liveness.Host.Tests.Deploy;

/// <summary>The files of <c>deploy/</c>, and YAML read as plain maps, lists and strings.</summary>
internal static class DeployFiles
{
    public static string Folder { get; } = System.IO.Path.Combine(SharedFiles.RepositoryRoot(), "deploy");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Folder, .. parts]);

    public static IEnumerable<string> YamlFiles() =>
        Directory.EnumerateFiles(Folder, "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal));

    /// <summary>A YAML document with Compose's merge keys (<c>&lt;&lt;: *anchor</c>) applied.</summary>
    public static object LoadYaml(string file)
    {
        using var reader = File.OpenText(file);
        return new DeserializerBuilder().Build().Deserialize(new MergingParser(new Parser(reader)))
            ?? throw new InvalidDataException($"{file} is empty");
    }

    public static IDictionary<object, object> Map(this object node, string key) =>
        node.MapOrNull(key) ?? throw new KeyNotFoundException($"no map '{key}' in {Describe(node)}");

    public static IDictionary<object, object>? MapOrNull(this object node, string key) =>
        ((IDictionary<object, object>)node).TryGetValue(key, out var child) ? (IDictionary<object, object>)child : null;

    public static IList<object> Items(this object node, string key) =>
        ((IDictionary<object, object>)node).TryGetValue(key, out var child) ? (IList<object>)child : [];

    public static string Text(this object node, string key) =>
        node.TextOrNull(key) ?? throw new KeyNotFoundException($"no value '{key}' in {Describe(node)}");

    public static string? TextOrNull(this object node, string key) =>
        ((IDictionary<object, object>)node).TryGetValue(key, out var child) ? (string)child : null;

    private static string Describe(object node) =>
        node is IDictionary<object, object> map ? "{" + string.Join(", ", map.Keys) + "}" : node.ToString() ?? "";
}
