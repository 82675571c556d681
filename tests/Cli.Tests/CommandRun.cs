using System.Diagnostics;

namespace Liveness.Cli.Tests;

/// <summary>Runs a program as a user would from a shell, and keeps its exit code, stdout and stderr.</summary>
internal sealed record CommandRun(int ExitCode, string Output, string Error)
{
    public static async Task<CommandRun> RunAsync(
        string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The key variables come only from the test, never from the machine running it.
        start.Environment.Remove("PARAM_DECRYPT_KEY");
        start.Environment.Remove("PARAM_DECRYPT_IV");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return new CommandRun(process.ExitCode, await output, await error);
    }

    /// <summary>A .NET program built beside this test assembly (the CLI, the C# client), run by the <c>dotnet</c> host.</summary>
    public static Task<CommandRun> DotnetAsync(string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, assembly), .. arguments], environment);
}
