using System.CommandLine;

namespace Liveness.Tools.Cli;

/// <summary><c>liveness keygen</c>: a fresh random key and IV, as the two variables the server and the clients read.</summary>
internal static class KeygenCommand
{
    public static Command Create()
    {
        var command = new Command("keygen", $"Print a random {ClientKeys.KeyBytes}-character key and {ClientKeys.IvBytes}-character IV as "
            + $"{ClientKeys.KeyVariable}=... and {ClientKeys.IvVariable}=... lines (an env file; or: export $(liveness keygen)).");
        command.SetAction(parsed =>
        {
            var keys = ClientKeys.Generate();
            var output = parsed.InvocationConfiguration.Output;
            output.WriteLine($"{ClientKeys.KeyVariable}={keys.Key}");
            output.WriteLine($"{ClientKeys.IvVariable}={keys.Iv}");
            return 0;
        });
        return command;
    }
}
