using System.Text;

namespace Liveness.Host.Video;

/// <summary>
/// FFmpeg's warnings and errors for one request, into the host's log (whose scope carries the request id): at most
/// a few lines, each a short excerpt with anything unprintable escaped, since the uploader chooses what they echo.
/// </summary>
internal sealed partial class DecoderMessages(ILogger logger, LogLevel level, int maxLines)
{
    /// <summary>Characters of one message kept: enough to read what failed, too few to carry an upload's payload.</summary>
    public const int ExcerptLength = 160;

    private int seen;

    public void Add(string line)
    {
        if (++seen <= maxLines && logger.IsEnabled(level))
        {
            Message(logger, level, Excerpt(line));
        }
    }

    /// <summary>Says how many messages were not logged, if any.</summary>
    public void Complete()
    {
        if (seen > maxLines && logger.IsEnabled(level))
        {
            Suppressed(logger, level, seen - maxLines);
        }
    }

    public static string Excerpt(string line)
    {
        var text = new StringBuilder(ExcerptLength + 16);
        foreach (var c in line.AsSpan(0, Math.Min(line.Length, ExcerptLength)))
        {
            if (c is >= ' ' and <= '~' and not '\\')
            {
                text.Append(c);
            }
            else
            {
                text.Append(c == '\\' ? @"\\" : $"\\u{(int)c:x4}");
            }
        }

        return line.Length > ExcerptLength ? text.Append("...").ToString() : text.ToString();
    }
}
