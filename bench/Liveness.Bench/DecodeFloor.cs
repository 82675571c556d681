using System.Diagnostics;

namespace Liveness.Bench;

/// <summary>
/// The least any request for a clip can cost: the platform's own <c>ffmpeg -threads 1 -i CLIP -f null -</c>, the
/// whole process timed (start-up included), decoding every frame of the clip on one thread with FFmpeg's SIMD code.
/// </summary>
/// <remarks>
/// The host decodes with the same program (<c>Video:Ffmpeg</c>) but may do less (non-reference frames skipped, only
/// the sampled frames converted), so a request can come close to the floor, or beat it.
/// </remarks>
internal sealed record DecodeFloor(string Video, IReadOnlyList<double> Milliseconds)
{
    public double MedianMs => Percentiles.Median(Milliseconds);

    /// <summary>The command whose time is the floor, as the docs quote it.</summary>
    public static string Command(string video) => $"ffmpeg -threads 1 -i {video} -f null -";

    /// <summary>Decodes once untimed (file cache, libraries loaded), then <paramref name="repeats"/> times timed.</summary>
    public static DecodeFloor Measure(string video, int repeats, string ffmpeg = "ffmpeg")
    {
        Decode(video, ffmpeg);
        var milliseconds = Enumerable.Range(0, repeats).Select(_ =>
        {
            var start = Stopwatch.GetTimestamp();
            Decode(video, ffmpeg);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }).ToArray();
        return new DecodeFloor(video, milliseconds);
    }

    private static void Decode(string video, string ffmpeg)
    {
        var start = new ProcessStartInfo(ffmpeg, ["-nostdin", "-hide_banner", "-loglevel", "error", "-threads", "1", "-i", video, "-f", "null", "-"])
        {
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{ffmpeg} could not be started");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{ffmpeg} could not decode {video}: {errors}");
        }
    }
}
