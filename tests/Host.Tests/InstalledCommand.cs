using System.Diagnostics;

namespace Liveness.Host.Tests;

/// <summary>Commands found on <c>PATH</c>, for tests that drive another runtime (a browser, a JDK, Python, Node).</summary>
internal static class InstalledCommand
{
    public static string? Find(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, command))
            .FirstOrDefault(File.Exists);
}

/// <summary>
/// A fact skipped, with the line that fixes it, where the runtime it drives is not installed (the command is not on
/// <c>PATH</c>, or the probe run with <paramref name="probe"/> fails); .ci/run installs them all.
/// </summary>
internal sealed class FactWhenInstalledAttribute : FactAttribute
{
    public FactWhenInstalledAttribute(string command, string debianPackage, params string[] probe)
    {
        if (InstalledCommand.Find(command) is null || (probe.Length > 0 && !Succeeds(command, probe)))
        {
            Skip = $"{command} {string.Join(' ', probe)} is not available: apt-get install {debianPackage} (.ci/run installs it)";
        }
    }

    private static bool Succeeds(string command, string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
