using System.Globalization;
using System.Text.RegularExpressions;

namespace Liveness.Host.Video;

/// <summary>One line FFmpeg wrote to stderr (<c>-loglevel level+verbose</c>): a frame described by <c>showinfo</c>, its closing report, or a message.</summary>
/// <remarks>
/// FFmpeg prefixes every line it logs with the logging context and the level, but it echoes what the uploader chose
/// (a metadata key with line breaks in it) as it is, so any line can appear. A frame line counts only when it starts
/// with the decode's own secret filter name (<see cref="DecoderCommand.NewTag"/>), which no upload can know.
/// </remarks>
internal static partial class DecoderLine
{
    /// <summary>The suffix of the <c>showinfo</c> that sees every decoded frame (before <c>select</c>).</summary>
    public const string Decoded = "d";

    /// <summary>The suffix of the <c>showinfo</c> that sees every frame written to stdout (after <c>select</c>).</summary>
    public const string Written = "w";

    /// <summary>A line's context: the decode's tag, then which of its two filters.</summary>
    private const string Filter = @"^\[showinfo@(?<tag>[0-9a-f]{16})(?<which>" + Decoded + "|" + Written + @") @ 0x[0-9a-f]+\] \[info\] ";

    /// <summary>A frame as a <c>showinfo</c> filter saw it: which one (decoded or written), its time and size.</summary>
    public readonly record struct Frame(bool Written, long Pts, double PtsSeconds, int Width, int Height);

    /// <summary>The FFmpeg message that the container matched no allowed demuxer.</summary>
    public const string FormatRefused = "Format not on whitelist";

    /// <summary>The FFmpeg message that a stream's decoder is not an allowed one (an audio stream's too, which decodes nothing here).</summary>
    public const string CodecRefused = "not on whitelist";

    /// <summary>The FFmpeg message that the graph's first video stream does not exist: a file of audio alone, say.</summary>
    public const string NoVideoStream = "matches no streams";

    /// <summary>The FFmpeg message that an MP4 or MOV has no index: the file was cut short, or its recording never finished.</summary>
    public const string NoMoovAtom = "moov atom not found";

    /// <summary>Reads a frame line of the decode whose filters carry <paramref name="tag"/>; any other line is no frame.</summary>
    public static bool TryFrame(string line, string tag, out Frame frame)
    {
        var match = FrameLine().Match(line);
        if (!match.Success || match.Groups["tag"].Value != tag)
        {
            frame = default;
            return false;
        }

        var pts = long.TryParse(match.Groups["pts"].Value, CultureInfo.InvariantCulture, out var value) ? value : long.MinValue;
        var seconds = double.TryParse(match.Groups["time"].Value, CultureInfo.InvariantCulture, out var time) ? time : double.NaN;
        frame = new Frame(
            match.Groups["which"].Value == Written,
            pts,
            seconds,
            int.Parse(match.Groups["width"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["height"].Value, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The time base a <c>showinfo</c> filter reports when configured: frame times are pts times this, exactly.</summary>
    public static bool TryTimeBase(string line, string tag, out double seconds)
    {
        var match = TimeBaseLine().Match(line);
        if (match.Success && match.Groups["tag"].Value != tag)
        {
            match = Match.Empty;
        }

        seconds = match.Success && long.Parse(match.Groups["den"].Value, CultureInfo.InvariantCulture) is > 0 and var den
            ? long.Parse(match.Groups["num"].Value, CultureInfo.InvariantCulture) / (double)den
            : double.NaN;
        return match.Success;
    }

    /// <summary>FFmpeg's refusal of a frame over <c>-max_pixels</c>, before it allocated it, and the frame's size.</summary>
    public static bool TryOverMaxPixels(string line, out string size)
    {
        var match = OverMaxPixelsLine().Match(line);
        size = match.Success ? match.Groups["size"].Value : "";
        return match.Success;
    }

    /// <summary>
    /// Whether the line opens FFmpeg's closing report on the input file <paramref name="input"/> (as given to
    /// <c>-i</c>): the decode's own file, whose name (a fresh GUID) no upload can know, so no upload can forge it.
    /// </summary>
    public static bool IsInputReport(string line, string input) => line == $"[verbose] Input file #0 ({input}):";

    /// <summary>A line of the closing report on the input: the bytes of a video stream's packets that were read.</summary>
    public static bool TryVideoStreamBytes(string line, out long bytes)
    {
        var match = VideoStreamLine().Match(line);
        bytes = match.Success && long.TryParse(match.Groups["bytes"].Value, CultureInfo.InvariantCulture, out var read) ? read : 0;
        return match.Success;
    }

    /// <summary>Whether the line is FFmpeg's warning, error or worse (logged for the operator), not its information.</summary>
    public static bool IsProblem(string line) => ProblemLine().IsMatch(line);

    // The first size after the time: another thread's message can land at the end of a line FFmpeg writes in two calls.
    [GeneratedRegex(Filter + @"n: *\d+ pts: *(?<pts>\S+) pts_time:(?<time>\S+) .*? s:(?<width>\d+)x(?<height>\d+) ", RegexOptions.CultureInvariant)]
    private static partial Regex FrameLine();

    [GeneratedRegex(Filter + @"config in time_base: (?<num>\d+)/(?<den>\d+),", RegexOptions.CultureInvariant)]
    private static partial Regex TimeBaseLine();

    [GeneratedRegex(@"^(\[[^\]]* @ 0x[0-9a-f]+\] )*\[(warning|error|fatal|panic)\] ", RegexOptions.CultureInvariant)]
    private static partial Regex ProblemLine();

    [GeneratedRegex(@"^\[verbose\]   Input stream #0:\d+ \(video\): \d+ packets read \((?<bytes>\d+) bytes\);", RegexOptions.CultureInvariant)]
    private static partial Regex VideoStreamLine();

    [GeneratedRegex(@"\] \[error\] Picture size (?<size>\d+x\d+) exceeds specified max pixel count", RegexOptions.CultureInvariant)]
    private static partial Regex OverMaxPixelsLine();
}
