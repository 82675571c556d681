using Liveness.Host.Api;
using OpenCvSharp;

namespace Liveness.Host.Video;

/// <summary>Decodes a video file front to back and hands out frames at a fixed sampling interval of container time.</summary>
/// <remarks>
/// Every frame is decoded (later H.264 frames depend on earlier ones), but only sampled frames are converted to
/// images. Rotation metadata is honoured; times are the container's presentation times, never index / fps.
/// </remarks>
internal sealed class SampledVideo : IDisposable
{
    /// <summary>OpenCV's <c>CAP_PROP_N_THREADS</c>, an open-only property OpenCvSharp has no name for.</summary>
    internal const int OpenThreadsProperty = 70;

    private readonly VideoCapture capture;
    private readonly VideoOptions options;
    private readonly Mat image = new();
    private double lastSeconds = double.NaN;
    private double lastInterval;

    private SampledVideo(VideoCapture capture, VideoOptions options)
    {
        this.capture = capture;
        this.options = options;
    }

    /// <summary>The video's length as seen so far: the last frame's time plus its display interval.</summary>
    public double DurationSeconds => double.IsNaN(lastSeconds) ? 0 : lastSeconds + lastInterval;

    public static SampledVideo Open(string path, VideoOptions options)
    {
        var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG, [OpenThreadsProperty, options.DecoderThreads]);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw LivenessError.InvalidVideo("the video could not be decoded (unknown container or codec)");
        }

        capture.Set(VideoCaptureProperties.OrientationAuto, 1);
        var video = new SampledVideo(capture, options);
        try
        {
            video.RefuseBySize();
            return video;
        }
        catch
        {
            video.Dispose();
            throw;
        }
    }

    /// <summary>Frames at least <paramref name="intervalSeconds"/> apart; the first frame is always included.</summary>
    /// <remarks>Every frame is decoded into the same image, the next one over the last.</remarks>
    public IEnumerable<VideoFrame> Frames(double intervalSeconds, CancellationToken cancellationToken) =>
        Frames(intervalSeconds, () => image, cancellationToken);

    /// <summary>The same frames, each decoded into the image <paramref name="target"/> gives for it.</summary>
    public IEnumerable<VideoFrame> Frames(double intervalSeconds, Func<Mat> target, CancellationToken cancellationToken)
    {
        var nextSample = double.NegativeInfinity;
        while (capture.Grab())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var seconds = capture.Get(VideoCaptureProperties.PosMsec) / 1000.0;
            if (!double.IsNaN(lastSeconds) && seconds > lastSeconds)
            {
                lastInterval = seconds - lastSeconds;
            }

            lastSeconds = seconds;
            if (seconds > options.MaxSeconds)
            {
                throw LivenessError.InvalidVideo($"the video is longer than {options.MaxSeconds:0.#} s");
            }

            if (seconds < nextSample)
            {
                continue;
            }

            var frame = target();
            if (!capture.Retrieve(frame) || frame.Empty())
            {
                throw LivenessError.InvalidVideo("a frame of the video could not be decoded");
            }

            nextSample = seconds + intervalSeconds;
            yield return new VideoFrame(frame, seconds);
        }

        if (double.IsNaN(lastSeconds))
        {
            throw LivenessError.InvalidVideo("the video has no decodable frame");
        }
    }

    private void RefuseBySize()
    {
        if ((long)capture.FrameWidth * capture.FrameHeight > options.MaxFramePixels)
        {
            throw LivenessError.InvalidVideo($"the frame size {capture.FrameWidth}x{capture.FrameHeight} is over the limit");
        }

        var fps = capture.Fps;
        var declaredSeconds = fps > 0 ? capture.FrameCount / fps : 0;
        if (declaredSeconds > options.MaxSeconds * 1.05)
        {
            // Refused cheaply from the container's header; the frame times are checked again while decoding.
            throw LivenessError.InvalidVideo($"the video is longer than {options.MaxSeconds:0.#} s");
        }
    }

    public void Dispose()
    {
        image.Dispose();
        capture.Dispose();
    }
}
