using System.Collections.Concurrent;
using System.Text;

namespace Liveness.Host.Audit;

/// <summary>
/// A JSON-lines file of audit events, rotated by size: before a line would take it past the limit, <c>FILE</c>
/// becomes <c>FILE.1</c>, <c>FILE.1</c> becomes <c>FILE.2</c>, and the oldest kept is dropped. Created 0600.
/// </summary>
/// <remarks>
/// One instance per path in the process: a front and a pipeline in the same process write the same file, and one
/// lock must order their lines and rotations. Each line is appended in one write to a freshly opened file, so an
/// outside log shipper that moves the file loses nothing.
/// </remarks>
internal sealed class AuditFile
{
    private static readonly ConcurrentDictionary<string, AuditFile> Files = new(StringComparer.Ordinal);

    private readonly Lock gate = new();
    private readonly long maxBytes;
    private readonly int kept;

    private AuditFile(string path, long maxBytes, int kept)
    {
        Path = path;
        this.maxBytes = maxBytes;
        this.kept = kept;
    }

    public string Path { get; }

    public static AuditFile For(string path, long maxBytes, int kept) =>
        Files.GetOrAdd(System.IO.Path.GetFullPath(path), full => new AuditFile(full, maxBytes, kept));

    public void Append(string json)
    {
        var line = Encoding.UTF8.GetBytes(json + "\n");
        lock (gate)
        {
            var current = new FileInfo(Path);
            if (current.Exists && current.Length > 0 && current.Length + line.Length > maxBytes)
            {
                Rotate();
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            var append = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
            if (!OperatingSystem.IsWindows())
            {
                append.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var stream = new FileStream(Path, append);
            stream.Write(line);
        }
    }

    private void Rotate()
    {
        for (var generation = kept - 1; generation >= 1; generation--)
        {
            if (File.Exists($"{Path}.{generation}"))
            {
                File.Move($"{Path}.{generation}", $"{Path}.{generation + 1}", overwrite: true);
            }
        }

        File.Move(Path, $"{Path}.1", overwrite: true);
    }
}
