using System.Collections.Concurrent;
using System.ComponentModel;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Video;

/// <summary>
/// Decoders started ahead of the uploads they will read (<c>Video:SpareDecoders</c>): a request takes one whose
/// FFmpeg has loaded its libraries already, which takes that start-up (about 0.13 s of one core) off the request's
/// critical path. A new spare is started when a decode given out here ends, when its core comes free while the
/// request's models finish, not when the next request arrives. Each spare still decodes exactly one upload.
/// </summary>
/// <remarks>
/// A spare's input path is in its command line, which every local user can read, long before the upload is
/// written there: the paths lie in a folder of this process's own (0700), where nobody else can make the file first.
/// </remarks>
internal sealed partial class SpareDecoders : IDisposable
{
    private readonly VideoOptions options;
    private readonly ILogger<SpareDecoders> logger;
    private readonly string folder;
    private readonly ConcurrentQueue<WaitingDecoder> spares = new();
    private bool disposed;

    public SpareDecoders(IOptions<VideoOptions> options, ILogger<SpareDecoders> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        folder = PrivateFolder(this.options.ResolveTempDirectory());
        Refill();
    }

    /// <summary>Spares waiting now, dead ones included until a request finds them.</summary>
    internal int Waiting => spares.Count;

    /// <summary>A decoder for a new upload: a spare when one is waiting, else one started now.</summary>
    /// <exception cref="InvalidOperationException">prlimit or FFmpeg could not be started.</exception>
    public WaitingDecoder Take()
    {
        var decoder = TakeSpare() ?? WaitingDecoder.Start(TempVideoFile.PathIn(folder), options);
        decoder.Exited.ContinueWith(_ => Refill(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return decoder;
    }

    public void Dispose()
    {
        lock (spares)
        {
            disposed = true;
            while (spares.TryDequeue(out var spare))
            {
                spare.Dispose();
            }
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Gone already, or a last request's file is being deleted at the same time: nothing of value is left.
        }
    }

    private static string PrivateFolder(string parent)
    {
        var path = Path.Combine(parent, $"liveness-{Guid.NewGuid():N}");
        return OperatingSystem.IsWindows()
            ? Directory.CreateDirectory(path).FullName
            : Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute).FullName;
    }

    private WaitingDecoder? TakeSpare()
    {
        while (spares.TryDequeue(out var spare))
        {
            if (!spare.HasExited)
            {
                return spare;
            }

            // It died waiting (killed from outside): a spare that dies is not replaced, so a broken FFmpeg cannot
            // make the host start one in a loop; the next decode ending starts the next spare.
            spare.Dispose();
        }

        return null;
    }

    private void Refill()
    {
        lock (spares)
        {
            while (!disposed && spares.Count < options.SpareDecoders)
            {
                try
                {
                    spares.Enqueue(WaitingDecoder.Start(TempVideoFile.PathIn(folder), options));
                }
                catch (Exception e) when (e is InvalidOperationException or Win32Exception)
                {
                    // A request starts its own decoder then, and reports the failure as its answer.
                    LogNoSpare(logger, e.Message);
                    return;
                }
            }
        }
    }
}
