using System.CommandLine;

namespace Liveness.Tools.Cli;

/// <summary>The root command: <c>check</c>, <c>encrypt</c> and <c>keygen</c>.</summary>
internal static class LivenessCommand
{
    public static RootCommand Create() => new("Client tools for the liveness server (the SenseID silent liveness contract).")
    {
        CheckCommand.Create(),
        EncryptCommand.Create(),
        KeygenCommand.Create(),
    };

    /// <summary>The VIDEO argument shared by the commands that read one.</summary>
    public static Argument<FileInfo> VideoArgument(string description) =>
        new Argument<FileInfo>("VIDEO") { Description = description }.AcceptExistingOnly();
}
