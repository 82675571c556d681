using System.Collections.Concurrent;
using System.ComponentModel;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Video;

/// <summary>
/// Decoders started ahead of the uploads they will read (<c>Video:SpareDecoders</c>): a request takes one whose
/// FFmpeg has loaded its libraries already, which takes that start-up (about 0.13 s of one core) off the request's
/// critical path. A new spare is started when a decode given out here ends, when its core comes free while the
/// request's models finish, never on the request's way in. Each spare still decodes exactly one upload.
/// </summary>
internal sealed partial class SpareDecoders : IDisposable
{
    private readonly VideoOptions options;
    private readonly ILogger<SpareDecoders> logger;
    private readonly ConcurrentQueue<WaitingDecoder> spares = new();
    private bool disposed;

    public SpareDecoders(IOptions<VideoOptions> options, ILogger<SpareDecoders> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        Refill();
    }

    /// <summary>Spares waiting now, dead ones included until a request finds them.</summary>
    internal int Waiting => spares.Count;

    /// <summary>A decoder for a new upload: a spare when one is waiting, else one started now.</summary>
    /// <exception cref="InvalidOperationException">prlimit or FFmpeg could not be started.</exception>
    public WaitingDecoder Take()
    {
        var decoder = TakeSpare() ?? WaitingDecoder.Start(TempVideoFile.PathIn(options.ResolveTempDirectory()), options);
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
                    spares.Enqueue(WaitingDecoder.Start(TempVideoFile.PathIn(options.ResolveTempDirectory()), options));
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
