using OpenCvSharp;

namespace Liveness.Host.Video;

/// <summary>An uploaded video file and the frames sampled from it at a fixed interval of container time.</summary>
/// <remarks>
/// Decoded by the platform's <c>ffmpeg</c> in a child process (<see cref="DecoderProcess"/>): FFmpeg's SIMD code,
/// a hostile file's decoder outside the server's memory, and a process that can be killed. Only the sampled frames
/// are converted to images; rotation metadata is honoured; times are the container's presentation times, never
/// index / fps.
/// </remarks>
internal sealed class SampledVideo : IDisposable
{
    private readonly VideoOptions options;
    private readonly ILogger logger;
    private readonly Mat image = new();
    private WaitingDecoder? started;
    private DecoderProcess? decoding;
    private double durationSeconds;
    private (int Width, int Height)? frameSize;
    private long? videoStreamBytes;

    private SampledVideo(string path, WaitingDecoder? started, VideoOptions options, ILogger logger)
    {
        Path = path;
        this.started = started;
        this.options = options;
        this.logger = logger;
    }

    /// <summary>The file the video is read from.</summary>
    public string Path { get; }

    /// <summary>The video's length as decoded so far: the last frame's time plus its display interval.</summary>
    public double DurationSeconds => Volatile.Read(ref decoding)?.DurationSeconds ?? durationSeconds;

    /// <summary>The video's frame size as decoded (rotation applied): the sampled frames are at most <see cref="VideoOptions.SampledFramePixels"/>.</summary>
    public (int Width, int Height)? FrameSize => Volatile.Read(ref decoding)?.FrameSize ?? frameSize;

    /// <summary>The bytes of the video stream, as the decoder read them, once its frames have all been read; null before.</summary>
    public long? VideoStreamBytes => videoStreamBytes;

    /// <summary>The video at <paramref name="path"/>, decoded when its frames are asked for; FFmpeg's messages go to <paramref name="logger"/>.</summary>
    public static SampledVideo Open(string path, VideoOptions options, ILogger logger) => new(path, null, options, logger);

    /// <summary>
    /// The video at the input path of <paramref name="decoder"/>, which this takes over: the first enumeration of
    /// frames lets it go (any later one starts another decoder).
    /// </summary>
    public static SampledVideo Open(WaitingDecoder decoder, VideoOptions options, ILogger logger) => new(decoder.InputPath, decoder, options, logger);

    /// <summary>Frames at least <paramref name="intervalSeconds"/> apart; the first frame is always included.</summary>
    /// <remarks>Every frame is decoded into the same image, the next one over the last.</remarks>
    public IEnumerable<VideoFrame> Frames(double intervalSeconds, CancellationToken cancellationToken) =>
        Frames(intervalSeconds, () => image, cancellationToken);

    /// <summary>The same frames, each decoded into the image <paramref name="target"/> gives for it.</summary>
    /// <exception cref="Liveness.Host.Contract.LivenessError">2008: a limit of <see cref="VideoOptions"/> is broken, or the video cannot be decoded.</exception>
    public IEnumerable<VideoFrame> Frames(double intervalSeconds, Func<Mat> target, CancellationToken cancellationToken)
    {
        var decoder = Interlocked.Exchange(ref started, null);
        if (decoder is { HasExited: true })
        {
            // It died waiting (killed from outside, the memory killer): its exit would be read as this video's.
            decoder.Dispose();
            decoder = null;
        }

        decoder ??= WaitingDecoder.Start(Path, options);
        var process = new DecoderProcess(decoder, intervalSeconds, options, logger);
        Volatile.Write(ref decoding, process);
        try
        {
            while (process.Next(target, cancellationToken) is { } frame)
            {
                yield return frame;
            }
        }
        finally
        {
            process.Dispose();
            durationSeconds = process.DurationSeconds;
            frameSize = process.FrameSize;
            videoStreamBytes = process.VideoStreamBytes;
            Volatile.Write(ref decoding, null);
        }
    }

    public void Dispose()
    {
        started?.Dispose();
        image.Dispose();
    }
}
