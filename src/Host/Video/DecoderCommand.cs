using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Liveness.Host.Video;

/// <summary>
/// The <c>ffmpeg</c> command line that decodes one upload: only the allowed demuxers, decoders and the one file,
/// frames over the pixel limit refused by the decoder itself, only the sampled frames converted and written to stdout
/// as raw BGR, every decoded and every written frame described on stderr, and at the end (<c>-loglevel verbose</c>)
/// the bytes read of each stream, all of it inside the kernel's CPU and memory limits (<c>prlimit</c>, util-linux).
/// </summary>
/// <remarks>
/// The filter graph is read from stdin (<see cref="FilterGraphOption"/> <c>pipe:0</c>), as a global option before the
/// input is opened: a process started ahead of its upload (<see cref="WaitingDecoder"/>) has loaded its libraries
/// and waits there, and the upload's file need only exist once the graph is written.
/// </remarks>
internal static class DecoderCommand
{
    public static ProcessStartInfo For(string path, VideoOptions options)
    {
        var start = new ProcessStartInfo("prlimit")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The soft CPU limit sends SIGXCPU, the hard one a second later SIGKILL; no core file is ever written.
        var memory = (long)options.DecoderMemoryMiB * 1024 * 1024;
        string[] limits = [$"--cpu={options.DecodeCpuSeconds}:{options.DecodeCpuSeconds + 1}", $"--as={memory}", "--core=0", "--"];
        string[] program =
        [
            options.Ffmpeg, "-nostdin", "-hide_banner", "-nostats", "-loglevel", "level+verbose",
            "-filter_complex_threads", "1", FilterGraphOption.Of(options.Ffmpeg), "pipe:0",
        ];
        string[] input =
        [
            "-format_whitelist", options.Containers,
            "-protocol_whitelist", "file",
            "-codec_whitelist", options.Codecs,
            "-max_pixels", options.MaxFramePixels.ToString(CultureInfo.InvariantCulture),
            "-threads", options.DecoderThreads.ToString(CultureInfo.InvariantCulture),
            .. options.SkipNonReferenceFrames ? (string[])["-skip_frame", "noref"] : [],
            "-i", Input(path),
        ];
        string[] output =
        [
            "-map", "[sampled]", "-an", "-sn", "-dn",
            // No frame duplicated or dropped to make a constant rate: each written frame is one decoded frame.
            "-fps_mode", "passthrough",
            "-f", "rawvideo", "-pix_fmt", "bgr24", "pipe:1",
        ];
        foreach (var argument in limits.Concat(program).Concat(input).Concat(output))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>
    /// The filter graph, on the first video stream: rotation (FFmpeg's autorotate) comes before it; then every decoded
    /// frame is described, the sampled ones (the first, then each at least the interval after the last one kept) are
    /// kept, scaled down (aspect kept, even sides) when they have more than <paramref name="maxPixels"/>, described and
    /// converted to BGR. The two <c>showinfo</c> filters are named <c>showinfo@TAGd</c> (decoded) and
    /// <c>showinfo@TAGw</c> (written): FFmpeg starts each of their lines with that name (<see cref="DecoderLine"/>).
    /// </summary>
    /// <remarks>A frame within the bound passes the scaler at its own size: the same conversion to BGR as without it, to the bit.</remarks>
    public static string Filters(double intervalSeconds, int maxPixels, string tag)
    {
        var over = FormattableString.Invariant($"gt(iw*ih\\,{maxPixels})");
        var shrink = FormattableString.Invariant($"sqrt({maxPixels}/(iw*ih))");
        return string.Create(CultureInfo.InvariantCulture,
            $"[0:v:0]showinfo@{tag}{DecoderLine.Decoded}=checksum=0,select='isnan(prev_selected_t)+gte(t-prev_selected_t\\,{intervalSeconds:R})'," +
            $"scale=w='if({over}\\,2*trunc(iw*{shrink}/2)\\,iw)':h='if({over}\\,2*trunc(ih*{shrink}/2)\\,ih)'," +
            $"showinfo@{tag}{DecoderLine.Written}=checksum=0,format=bgr24[sampled]");
    }

    /// <summary>The input as given to FFmpeg's <c>-i</c>: the one file, by the only protocol allowed.</summary>
    public static string Input(string path) => "file:" + path;

    /// <summary>
    /// A fresh secret for one decode's filter names. The uploader's container can make FFmpeg print lines of its
    /// choosing (a metadata key may hold line breaks, which FFmpeg 5.1 echoes as they are), but it cannot know this,
    /// so it cannot forge the lines that describe frames. The graph goes over stdin, never on a command line.
    /// </summary>
    public static string NewTag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
