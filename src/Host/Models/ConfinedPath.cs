namespace Liveness.Host.Models;

/// <summary>A path a plugin manifest names, resolved against the one folder it may point into.</summary>
internal static class ConfinedPath
{
    /// <summary>The full path of <paramref name="relative"/> under <paramref name="root"/>, or null when it resolves anywhere else (<c>..</c>, an absolute path).</summary>
    public static string? Resolve(string root, string relative)
    {
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(folder, relative));
        return full.StartsWith(folder, StringComparison.Ordinal) && full.Length > folder.Length ? full : null;
    }
}
