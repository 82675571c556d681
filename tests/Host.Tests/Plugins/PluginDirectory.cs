using System.Text.Json.Nodes;

namespace Liveness.Host.Tests.Plugins;

/// <summary>A plugin directory of a test's own, made from the plugins built beside the tests, that the test may change under a running host.</summary>
internal sealed class PluginDirectory : IDisposable
{
    public const string AdminKey = "test-admin-key";

    public PluginDirectory(params string[] plugins)
    {
        Root = Directory.CreateTempSubdirectory("liveness-plugins-").FullName;
        foreach (var plugin in plugins)
        {
            CopyFolder(Path.Combine(AppContext.BaseDirectory, "plugins", plugin), Path.Combine(Root, plugin));
        }
    }

    public string Root { get; }

    public Dictionary<string, string> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Backends:PluginDirectory"] = Root,
            ["Backends:ReloadSettleTime"] = "00:00:00.300",
            ["Admin:Key"] = AdminKey,
            ["Front:RateLimit:PermitsPerSecond"] = "1000",
            ["Front:RateLimit:Burst"] = "1000",
            ["Front:MaxConcurrentRequests"] = "8",
            ["Api:MaxConcurrentRequests"] = "8",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A second copy of a plugin under another name: a real, different backend to switch to.</summary>
    public void Clone(string plugin, string asName)
    {
        CopyFolder(Path.Combine(Root, plugin), Path.Combine(Root, asName));
        EditManifest(asName, manifest => manifest["name"] = asName);
    }

    public void EditManifest(string plugin, Action<JsonObject> edit)
    {
        var path = Path.Combine(Root, plugin, "plugin.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    /// <summary>The plugin's own assembly, the one its manifest names: the folder also holds the plugins' shared PluginSupport.</summary>
    public string AssemblyOf(string plugin)
    {
        var folder = Path.Combine(Root, plugin);
        return Path.Combine(folder, JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "plugin.json")))!["assembly"]!.GetValue<string>());
    }

    /// <summary>Copies over the plugin's DLL in place, as an operator deploying a new build does.</summary>
    public void OverwriteAssembly(string plugin, byte[]? with = null)
    {
        var dll = AssemblyOf(plugin);
        var bytes = with ?? File.ReadAllBytes(dll);
        using var stream = new FileStream(dll, FileMode.Open, FileAccess.Write);
        stream.SetLength(0);
        stream.Write(bytes);
    }

    public void AddFixture(string fixture) =>
        CopyFolder(Path.Combine(AppContext.BaseDirectory, "fixtures", fixture), Path.Combine(Root, fixture));

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
