using System.Security.Cryptography;

namespace Liveness.Host.Front;

/// <summary>
/// The hop from the front to the pipeline of the same process: a Unix domain socket (0600) in a private folder
/// (0700). Together with a node secret drawn for this process alone, neither another user nor another process
/// of the same user gets a request past the front's limits.
/// </summary>
internal sealed class InProcessPipeline : IDisposable
{
    // On Unix, CreateTempSubdirectory makes the folder 0700.
    private readonly string folder = Directory.CreateTempSubdirectory("liveness-pipeline-").FullName;

    public InProcessPipeline() => SocketPath = Path.Combine(folder, "pipeline.sock");

    public string SocketPath { get; }

    /// <summary>What Kestrel listens on.</summary>
    public string Url => $"http://unix:{SocketPath}";

    public static string DrawSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>Kestrel creates the socket with the process's umask; narrow it once it exists.</summary>
    public void Restrict()
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(SocketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
