namespace Liveness.Host.Video;

/// <summary>A private (0600) temp copy of an uploaded video, the one file FFmpeg may read (its demuxers seek); deleted on dispose.</summary>
internal sealed class TempVideoFile : IDisposable
{
    private TempVideoFile(string path) => Path = path;

    public string Path { get; }

    /// <summary>A new file name in <paramref name="directory"/>.</summary>
    public static string PathIn(string directory) => System.IO.Path.Combine(directory, $"liveness-{Guid.NewGuid():N}.video");

    /// <summary>Writes the upload to <paramref name="path"/>, which must not exist.</summary>
    public static async Task<TempVideoFile> WriteAsync(string path, ReadOnlyMemory<byte> video, CancellationToken cancellationToken)
    {
        var file = new TempVideoFile(path);
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using var stream = new FileStream(file.Path, options);
            await stream.WriteAsync(video, cancellationToken);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Dispose() => File.Delete(Path);
}
