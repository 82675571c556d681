using System.Diagnostics;

namespace Liveness.Host.Video;

/// <summary>
/// An <c>ffmpeg</c> child started for one input path, its libraries loaded, waiting on stdin for its filter graph
/// before it opens the input (<see cref="DecoderCommand"/>). Starting FFmpeg costs about 0.13 s of one core (215
/// shared libraries to link); a decoder started ahead of its upload takes that off the request
/// (<see cref="SpareDecoders"/>).
/// </summary>
internal sealed class WaitingDecoder : IDisposable
{
    private Process? process;

    private WaitingDecoder(string inputPath, Process process)
    {
        InputPath = inputPath;
        this.process = process;
        Exited = process.WaitForExitAsync();
    }

    /// <summary>The one file this decoder will read: it need not exist before <see cref="Release"/>.</summary>
    public string InputPath { get; }

    /// <summary>True once the process has ended (or was handed over): a spare that died waiting is of no use.</summary>
    public bool HasExited => process is not { } waiting || waiting.HasExited;

    /// <summary>Completes when the process ends, released or not.</summary>
    public Task Exited { get; }

    /// <summary>Starts the decoder of <paramref name="inputPath"/>.</summary>
    /// <exception cref="InvalidOperationException">prlimit or FFmpeg could not be started.</exception>
    public static WaitingDecoder Start(string inputPath, VideoOptions options)
    {
        var process = Process.Start(DecoderCommand.For(inputPath, options))
            ?? throw new InvalidOperationException($"{options.Ffmpeg} could not be started");
        return new WaitingDecoder(inputPath, process);
    }

    /// <summary>
    /// Hands the process over to its reader and lets it go: <paramref name="filterGraph"/> (<see cref="DecoderCommand.Filters"/>)
    /// is written to its stdin, which is closed; FFmpeg then opens the input.
    /// </summary>
    /// <remarks>A process that died waiting cannot read the graph: its exit says why, where the caller reads it.</remarks>
    public Process Release(string filterGraph)
    {
        var released = Interlocked.Exchange(ref process, null) ?? throw new InvalidOperationException("the decoder was released already");
        try
        {
            released.StandardInput.Write(filterGraph);
            released.StandardInput.Close();
        }
        catch (IOException)
        {
            // The pipe is broken: the child has exited already.
        }

        return released;
    }

    /// <summary>Kills the process unless it was released.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref process, null) is not { } waiting)
        {
            return;
        }

        try
        {
            waiting.Kill();
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }

        waiting.WaitForExit();
        waiting.Dispose();
    }
}
