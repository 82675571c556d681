using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Liveness.Host.Contract;
using OpenCvSharp;

namespace Liveness.Host.Video;

/// <summary>
/// One run of the <c>ffmpeg</c> child process over one upload (<see cref="DecoderCommand"/>): its sampled frames read
/// from stdout straight into the caller's images, their times and sizes and every decoded frame read from stderr at
/// the same time (so neither pipe can fill and stall the other), each limit checked as frames arrive.
/// </summary>
/// <remarks>
/// A broken limit, the wall-time budget, the request's cancellation and disposal all kill the child at once: its
/// memory is its own, and the request's slot is free as soon as the pipe closes.
/// </remarks>
internal sealed class DecoderProcess : IDisposable
{
    /// <summary>How .NET reports a child killed by a signal: 128 plus the signal (SIGXCPU at the soft CPU limit, SIGKILL at the hard one).</summary>
    /// <remarks>
    /// FFmpeg catches SIGXCPU (the soft RLIMIT_CPU) and exits with 255, its code for "stopped by a signal"; the
    /// host's own kills are SIGKILL (137), and so is the hard limit a second later. 152 is SIGXCPU uncaught.
    /// </remarks>
    private static readonly int[] CpuLimitExitCodes = [255, 128 + 24, 128 + 9];

    private readonly VideoOptions options;
    private readonly Process process;
    private readonly Stream frames;
    private readonly BlockingCollection<DecoderLine.Frame> written = new();
    private readonly DecodedTimeline timeline;
    private readonly DecoderMessages messages;
    private readonly CancellationTokenSource budget;
    private readonly Task reading;
    private readonly string tag = DecoderCommand.NewTag();
    private readonly string input;
    private double timeBase = double.NaN;
    private (int Width, int Height)? writtenSize;
    private string? refusal;
    private string? failure;
    private bool inReport;
    private long? videoStreamBytes;

    /// <summary>Lets <paramref name="decoder"/> go, sampling every <paramref name="intervalSeconds"/>, and reads it.</summary>
    public DecoderProcess(WaitingDecoder decoder, double intervalSeconds, VideoOptions options, ILogger logger)
    {
        this.options = options;
        input = DecoderCommand.Input(decoder.InputPath);
        timeline = new DecodedTimeline(options);
        messages = new DecoderMessages(logger, options.DecoderLogLevel, options.DecoderLogLines);
        process = decoder.Release(DecoderCommand.Filters(intervalSeconds, options.SampledFramePixels, tag));
        frames = process.StandardOutput.BaseStream;
        reading = Task.Run(ReadMessagesAsync);
        budget = new CancellationTokenSource(TimeSpan.FromSeconds(options.DecodeBudgetSeconds));
        budget.Token.Register(() => Refuse(DecodedTimeline.Refusal(
            string.Create(CultureInfo.InvariantCulture, $"the video took longer than {options.DecodeBudgetSeconds:0.#} s to decode"),
            nameof(VideoOptions.DecodeBudgetSeconds))));
    }

    /// <summary>The video's duration by the times of the frames decoded so far.</summary>
    public double DurationSeconds
    {
        get
        {
            lock (timeline)
            {
                return timeline.DurationSeconds;
            }
        }
    }

    /// <summary>The size of the frames decoded so far (rotation applied), before any scaling of the sampled ones; null before the first.</summary>
    public (int Width, int Height)? FrameSize
    {
        get
        {
            lock (timeline)
            {
                return timeline.Size;
            }
        }
    }

    /// <summary>
    /// The bytes of the video stream's packets that FFmpeg read, from its closing report on the input: known once
    /// the video has been decoded to its end and this disposed (which waits for the last message), null before or
    /// if FFmpeg gave none.
    /// </summary>
    public long? VideoStreamBytes => videoStreamBytes;

    /// <summary>The next sampled frame, decoded into the image <paramref name="target"/> gives; null at the end of the video.</summary>
    /// <exception cref="LivenessError">2008: the video broke a limit, or FFmpeg could not decode it.</exception>
    public VideoFrame? Next(Func<Mat> target, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        using var kill = cancellationToken.Register(Kill);
        try
        {
            if (!written.TryTake(out var frame, Timeout.Infinite, stop.Token))
            {
                return Finish(cancellationToken);
            }

            writtenSize ??= (frame.Width, frame.Height);
            if (writtenSize != (frame.Width, frame.Height))
            {
                Refuse($"the frame size changes within the video ({writtenSize.Value.Width}x{writtenSize.Value.Height}, then {frame.Width}x{frame.Height})");
                return Finish(cancellationToken);
            }

            var image = target();
            image.Create(frame.Height, frame.Width, MatType.CV_8UC3);
            frames.ReadExactly(image.AsSpan<byte>());
            return new VideoFrame(image, frame.PtsSeconds);
        }
        catch (Exception e) when (e is OperationCanceledException or EndOfStreamException or IOException)
        {
            // The child was killed (a limit, the budget, the request) or died: its exit says which.
            return Finish(cancellationToken);
        }
    }

    public void Dispose()
    {
        // The budget's timer first, so that its kill cannot come after the process is gone.
        budget.Dispose();
        Kill();
        process.WaitForExit();
        reading.GetAwaiter().GetResult();
        written.Dispose();
        process.Dispose();
    }

    /// <summary>After the last frame or a kill: the end of a good video, or why it is refused.</summary>
    private VideoFrame? Finish(CancellationToken cancellationToken)
    {
        process.WaitForExit();
        reading.GetAwaiter().GetResult();
        cancellationToken.ThrowIfCancellationRequested();
        var reason = Volatile.Read(ref refusal)
            ?? (process.ExitCode == 0 ? null
                : CpuLimitExitCodes.Contains(process.ExitCode)
                    ? DecodedTimeline.Refusal($"the video took more than {options.DecodeCpuSeconds} s of CPU to decode", nameof(VideoOptions.DecodeCpuSeconds))
                    : failure ?? "the video could not be decoded (unknown container or codec)");
        if (reason is not null)
        {
            throw LivenessError.InvalidVideo(reason, DecodedTimeline.LimitOf(reason));
        }

        return timeline.Frames > 0 ? null : throw LivenessError.InvalidVideo("the video has no decodable frame");
    }

    private async Task ReadMessagesAsync()
    {
        try
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                Read(line);
            }
        }
        finally
        {
            written.CompleteAdding();
            messages.Complete();
        }
    }

    private void Read(string line)
    {
        if (DecoderLine.TryFrame(line, tag, out var frame))
        {
            frame = frame with { PtsSeconds = Seconds(frame) };
            if (frame.Written)
            {
                written.Add(frame);
                return;
            }

            string? broken;
            lock (timeline)
            {
                broken = timeline.Add(frame.PtsSeconds, frame.Width, frame.Height);
            }

            if (broken is not null)
            {
                Refuse(broken);
            }
        }
        else if (DecoderLine.TryTimeBase(line, tag, out var seconds))
        {
            timeBase = seconds;
        }
        else if (DecoderLine.IsInputReport(line, input))
        {
            inReport = true;
        }
        else if (inReport && videoStreamBytes is null && DecoderLine.TryVideoStreamBytes(line, out var bytes))
        {
            // The report lists the streams in order: the first video stream's is the one decoded ([0:v:0]).
            videoStreamBytes = bytes;
        }
        else if (DecoderLine.IsProblem(line))
        {
            messages.Add(line);
            if (DecoderLine.TryOverMaxPixels(line, out var size))
            {
                Refuse(timeline.OverPixels(size));
            }
            else if (line.Contains(DecoderLine.FormatRefused, StringComparison.Ordinal))
            {
                failure ??= DecodedTimeline.Refusal("the container format is not an allowed one", nameof(VideoOptions.Containers));
            }
            else if (line.Contains(DecoderLine.NoVideoStream, StringComparison.Ordinal))
            {
                // Before it, an audio stream's decoder may have been refused: that is not why nothing decodes.
                failure = "the file has no video stream";
            }
            else if (line.Contains(DecoderLine.NoMoovAtom, StringComparison.Ordinal))
            {
                failure ??= "the file has no index (moov atom): it was cut short, or its recording never finished";
            }
            else if (line.Contains(DecoderLine.CodecRefused, StringComparison.Ordinal))
            {
                failure ??= DecodedTimeline.Refusal("the video's codec is not an allowed one", nameof(VideoOptions.Codecs));
            }
        }
    }

    /// <summary>A frame's time exactly (pts times the time base) where FFmpeg gave both, else as it printed it (six digits).</summary>
    private double Seconds(DecoderLine.Frame frame) =>
        double.IsNaN(timeBase) || frame.Pts == long.MinValue ? frame.PtsSeconds : frame.Pts * timeBase;

    private void Refuse(string reason)
    {
        Interlocked.CompareExchange(ref refusal, reason, null);
        Kill();
    }

    private void Kill()
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It had exited already.
        }
    }
}
