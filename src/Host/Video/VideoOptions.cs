using System.ComponentModel.DataAnnotations;

namespace Liveness.Host.Video;

/// <summary>Limits and places for uploaded videos (section <c>Video</c>).</summary>
public sealed class VideoOptions
{
    public const string Section = "Video";

    /// <summary>The contract's minimum: a shorter video is an invalid video (2008).</summary>
    public const double MinSeconds = 2.0;

    /// <summary>Where the private temp copy of each upload is written; empty means /dev/shm where it exists, else the system temp folder.</summary>
    public string TempDirectory { get; set; } = "";

    /// <summary>A longer video is refused (2008) as soon as its length is known, before it is decoded to the end.</summary>
    [Range(MinSeconds, 3600)]
    public double MaxSeconds { get; set; } = 60;

    /// <summary>A frame with more pixels than this is refused (2008): it protects memory from hostile uploads.</summary>
    [Range(64 * 64, 8192 * 8192)]
    public int MaxFramePixels { get; set; } = 3840 * 2160;

    /// <summary>
    /// Threads FFmpeg decodes one video with; 0: as many as there are cores. One by default: the request's own
    /// thread detects and tracks while its video decodes, so a lone request keeps two cores busy without FFmpeg's
    /// frame threads, and under load every core serves a request instead of threads that fight over the cores
    /// (docs/benchmarks.md).
    /// </summary>
    [Range(0, 64)]
    public int DecoderThreads { get; set; } = 1;

    public string ResolveTempDirectory() =>
        TempDirectory.Length > 0 ? TempDirectory
        : Directory.Exists("/dev/shm") ? "/dev/shm"
        : Path.GetTempPath();
}
