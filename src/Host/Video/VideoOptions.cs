using System.ComponentModel.DataAnnotations;

namespace Liveness.Host.Video;

/// <summary>Limits and places for uploaded videos (section <c>Video</c>).</summary>
/// <remarks>
/// Every limit is checked on what FFmpeg decodes (each frame's size and time, the frames counted), never on what
/// the container's header declares, and a video over one is refused with 2008 naming the setting.
/// </remarks>
public sealed class VideoOptions
{
    public const string Section = "Video";

    /// <summary>The contract's minimum: a shorter video is an invalid video (2008).</summary>
    public const double MinSeconds = 2.0;

    /// <summary>Where the private temp copy of each upload is written; empty means /dev/shm where it exists, else the system temp folder.</summary>
    public string TempDirectory { get; set; } = "";

    /// <summary>The <c>ffmpeg</c> program that decodes each upload in a child process of its own; a name is looked up in PATH.</summary>
    [Required]
    public string Ffmpeg { get; set; } = "ffmpeg";

    /// <summary>
    /// FFmpeg demuxers an upload may be read with, in FFmpeg's names (<c>mov</c> covers mp4, m4a, 3gp, 3g2; <c>matroska</c>
    /// covers webm; <c>asf</c> is wmv; <c>rm</c> is RealMedia, which the contract names beside mp4, avi, flv, wmv and
    /// mov). Any other container, concat and HLS playlists and image sequences among them, is refused (2008) before its
    /// first byte is demuxed.
    /// </summary>
    [Required]
    public string Containers { get; set; } = "mov,matroska,avi,mpegts,flv,asf,rm";

    /// <summary>
    /// FFmpeg decoders an upload may be decoded with, the video codecs of the contract's containers. AV1 is not among
    /// them (a clear 2008). Audio decoders are not either: nothing here decodes sound, and FFmpeg's probe of an audio
    /// stream is refused (logged) without stopping the video.
    /// </summary>
    [Required]
    public string Codecs { get; set; } = "h264,hevc,mpeg4,h263,mjpeg,vp8,vp9,flv,msmpeg4v2,msmpeg4,wmv1,wmv2,wmv3,vc1,rv10,rv20,rv30,rv40";

    /// <summary>A video longer than this by its decoded frame times is refused (2008) as soon as a frame passes it.</summary>
    [Range(MinSeconds, 3600)]
    public double MaxSeconds { get; set; } = 60;

    /// <summary>A decoded frame with more pixels (width x height) than this stops the decode (2008): it protects memory from hostile uploads.</summary>
    [Range(64 * 64, 8192 * 8192)]
    public int MaxFramePixels { get; set; } = 3840 * 2160;

    /// <summary>
    /// A sampled frame with more pixels (width x height) than this is scaled down to it, its aspect kept, before the
    /// pipeline sees it, and so is the selected frame returned: the models look at 128x128 and 80x80 pictures and the
    /// motion tracker at a 160 px face, so a 4K frame's pixels beyond this only cost CPU (four times the work of a
    /// 720p one, in the pipe and in every stage). 1280x720 by default; the limit on what may be decoded is
    /// <see cref="MaxFramePixels"/>.
    /// </summary>
    [Range(64 * 64, 8192 * 8192)]
    public int SampledFramePixels { get; set; } = 1280 * 720;

    /// <summary>A video with more decoded frames than this is refused (2008): 60 s at 60 fps.</summary>
    [Range(1, 1_000_000)]
    public int MaxFrames { get; set; } = 3600;

    /// <summary>
    /// A video whose decoded frames add up to more pixels than this is refused (2008) as soon as one passes it: the
    /// decode's work, bounded by what is decoded whatever the machine's load. 6 gigapixels is 96 s of 1080p at 30 fps,
    /// 24 s of 4K; 60 s of a static 4K picture at 60 fps, a 0.4 MB upload, stops after 12 s of it.
    /// </summary>
    [Range(64 * 64, 1_000_000_000_000)]
    public long MaxDecodedPixels { get; set; } = 6_000_000_000;

    /// <summary>
    /// A video decoding more frames than this per second of its own time is refused (2008), checked as it decodes
    /// (one second of slack), so a 1000 fps upload stops after its first hundred frames.
    /// </summary>
    [Range(1, 10_000)]
    public double MaxFrameRate { get; set; } = 120;

    /// <summary>
    /// Wall time one request's decode may take, reading its frames included; over it the decoder is killed (2008).
    /// Wider than the CPU budget: on a loaded machine a good video's decode waits for the cores (the full test suite
    /// at a load average of 60 took over 10 s for some), while its CPU time stays what it is.
    /// </summary>
    [Range(0.1, 3600)]
    public double DecodeBudgetSeconds { get; set; } = 30;

    /// <summary>CPU time one request's decoder may use (whole seconds, the kernel's RLIMIT_CPU); over it the decoder is killed (2008).</summary>
    [Range(1, 3600)]
    public int DecodeCpuSeconds { get; set; } = 10;

    /// <summary>Address space of one decoder process (RLIMIT_AS): a 4K H.264 decode needs about 500 MiB of it.</summary>
    [Range(256, 65536)]
    public int DecoderMemoryMiB { get; set; } = 1536;

    /// <summary>
    /// Skip decoding non-reference frames (FFmpeg's <c>-skip_frame noref</c>): nothing else depends on them, so a clip
    /// with B-frames decodes in about half the time, sampled among the frames that are decoded. Saves nothing on
    /// videos without B-frames (most phone recordings, MJPEG, VP8).
    /// </summary>
    public bool SkipNonReferenceFrames { get; set; } = true;

    /// <summary>Level of FFmpeg's own warnings and errors in the host's log (with the request's scope).</summary>
    public LogLevel DecoderLogLevel { get; set; } = LogLevel.Debug;

    /// <summary>FFmpeg messages logged per request at most; the rest are counted in one last line.</summary>
    [Range(0, 1000)]
    public int DecoderLogLines { get; set; } = 10;

    /// <summary>
    /// Threads FFmpeg decodes one video with; 0: as many as there are cores. One by default: the request's own
    /// thread detects and tracks while its video decodes, so a lone request keeps two cores busy without FFmpeg's
    /// frame threads, and under load every core serves a request instead of threads that fight over the cores
    /// (docs/benchmarks.md).
    /// </summary>
    [Range(0, 64)]
    public int DecoderThreads { get; set; } = 1;

    /// <summary>
    /// Decoders kept started ahead of the uploads, their libraries loaded (about 0.13 s of one core each time FFmpeg
    /// starts): a request takes one and need not wait for FFmpeg to start. 0: each request starts its own.
    /// </summary>
    [Range(0, 64)]
    public int SpareDecoders { get; set; } = 2;

    public string ResolveTempDirectory() =>
        TempDirectory.Length > 0 ? TempDirectory
        : Directory.Exists("/dev/shm") ? "/dev/shm"
        : Path.GetTempPath();
}
