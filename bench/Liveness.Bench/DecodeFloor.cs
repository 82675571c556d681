using System.Diagnostics;
using OpenCvSharp;

namespace Liveness.Bench;

/// <summary>
/// The least any request for a clip can cost: decoding it as the host's <c>SampledVideo</c> does (OpenCV's FFmpeg
/// backend, orientation applied, every frame grabbed, one frame converted to BGR every 0.1 s of container time).
/// </summary>
internal sealed record DecodeFloor(string Video, int Width, int Height, int Frames, IReadOnlyList<double> Milliseconds)
{
    /// <summary>The host's default <c>Pipeline:SampleIntervalSeconds</c>.</summary>
    private const double SampleIntervalSeconds = 0.1;

    public double MedianMs => Percentiles.Median(Milliseconds);

    /// <summary>Decodes once untimed (file cache, codec start-up), then <paramref name="repeats"/> times timed.</summary>
    public static DecodeFloor Measure(string video, int repeats)
    {
        var (width, height, frames) = Decode(video);
        var milliseconds = Enumerable.Range(0, repeats).Select(_ =>
        {
            var start = Stopwatch.GetTimestamp();
            Decode(video);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }).ToArray();
        return new DecodeFloor(video, width, height, frames, milliseconds);
    }

    /// <summary>One decode of the whole clip, as the host does it; also the decode stage of <c>liveness-bench-stages</c>.</summary>
    internal static (int Width, int Height, int Frames) Decode(string video)
    {
        using var capture = new VideoCapture(video, VideoCaptureAPIs.FFMPEG);
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
