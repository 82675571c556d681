using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Liveness.Host.Plugins;

/// <summary>
/// What a plugin folder looks like now: every file's path, size and write time. An in-place overwrite or a
/// touch of any file (the DLL, its manifest) changes it, and so marks the plugin for reload.
/// </summary>
internal static class PluginFingerprint
{
    public static string Of(string folder)
    {
        var description = new StringBuilder();
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(file => file.FullName, StringComparer.Ordinal))
        {
            description.Append(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(folder, file.FullName)}|{file.Length}|{file.LastWriteTimeUtc.Ticks}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(description.ToString())));
    }
}
