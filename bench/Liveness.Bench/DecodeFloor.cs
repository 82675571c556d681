using System.Diagnostics;
using OpenCvSharp;

namespace Liveness.Bench;

/// <summary>
/// The least any request for a clip can cost: decoding it as the host's <c>SampledVideo</c> does (OpenCV's FFmpeg
/// backend with the host's number of decoder threads, orientation applied, every frame grabbed, one frame
/// converted to BGR every 0.1 s of container time).
/// </summary>
internal sealed record DecodeFloor(string Video, int Width, int Height, int Frames, IReadOnlyList<double> Milliseconds)
{
    /// <summary>The host's default <c>Pipeline:SampleIntervalSeconds</c>.</summary>
    private const double SampleIntervalSeconds = 0.1;

    /// <summary>The host's default <c>Video:DecoderThreads</c>.</summary>
    public const int HostDecoderThreads = 1;

    /// <summary>OpenCV's <c>CAP_PROP_N_THREADS</c>, as the host's <c>SampledVideo</c> passes it.</summary>
    private const int OpenThreadsProperty = 70;

    public double MedianMs => Percentiles.Median(Milliseconds);

    /// <summary>Decodes once untimed (file cache, codec start-up), then <paramref name="repeats"/> times timed.</summary>
    public static DecodeFloor Measure(string video, int repeats, int decoderThreads)
    {
        var (width, height, frames) = Decode(video, decoderThreads);
        var milliseconds = Enumerable.Range(0, repeats).Select(_ =>
        {
            var start = Stopwatch.GetTimestamp();
            Decode(video, decoderThreads);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }).ToArray();
        return new DecodeFloor(video, width, height, frames, milliseconds);
    }

    /// <summary>One decode of the whole clip, as the host does it; also the decode stage of <c>liveness-bench-stages</c>.</summary>
    internal static (int Width, int Height, int Frames) Decode(string video, int decoderThreads)
    {
        using var capture = new VideoCapture(video, VideoCaptureAPIs.FFMPEG, [OpenThreadsProperty, decoderThreads]);
        if (!capture.IsOpened())
        {
            throw new InvalidOperationException($"OpenCV's FFmpeg backend cannot open {video}");
        }

        capture.Set(VideoCaptureProperties.OrientationAuto, 1);
        using var image = new Mat();
        var frames = 0;
        var nextSample = double.NegativeInfinity;
        while (capture.Grab())
        {
            frames++;
            var seconds = capture.Get(VideoCaptureProperties.PosMsec) / 1000.0;
            if (seconds >= nextSample)
            {
                capture.Retrieve(image);
                nextSample = seconds + SampleIntervalSeconds;
            }
        }

        return (capture.FrameWidth, capture.FrameHeight, frames);
    }
}
