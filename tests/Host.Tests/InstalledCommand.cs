namespace Liveness.Host.Tests;

/// <summary>Commands found on <c>PATH</c>, for tests that drive another runtime (a browser, a JDK, Python, Node).</summary>
internal static class InstalledCommand
{
    public static string? Find(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, command))
            .FirstOrDefault(File.Exists);
}

/// <summary>A fact skipped, with the line that fixes it, where the runtime it drives is not installed; .ci/run installs them all.</summary>
internal sealed class FactWhenInstalledAttribute : FactAttribute
{
    public FactWhenInstalledAttribute(string command, string debianPackage)
    {
        if (InstalledCommand.Find(command) is null)
        {
            Skip = $"{command} is not installed: apt-get install {debianPackage} (.ci/run installs it)";
        }
    }
}
