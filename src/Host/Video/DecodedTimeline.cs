using System.Globalization;

namespace Liveness.Host.Video;

/// <summary>
/// Every frame the decoder produced, in order: their count, size and times, checked against the limits as each one
/// arrives, and the video's duration by these times (the header's is never trusted).
/// </summary>
internal sealed class DecodedTimeline(VideoOptions options)
{
    private readonly List<double> intervals = [];
    private double startSeconds = double.NaN;
    private double lastSeconds = double.NaN;
    private double lastInterval;
    private long decodedPixels;

    /// <summary>Media time from the first frame to the last, each step forward counted once: times that restart (MPEG-TS) never shorten it.</summary>
    private double elapsedSeconds;

    public int Frames { get; private set; }

    public (int Width, int Height)? Size { get; private set; }

    /// <summary>
    /// The last frame's time plus one frame's display interval, the median between two decoded frames, as far as
    /// decoded: a video that ends on a long gap is not made longer by it, nor one whose times jitter shorter.
    /// </summary>
    public double DurationSeconds => double.IsNaN(startSeconds) ? 0 : Position + MedianInterval();

    /// <summary>Where the last frame is from the start of the video, by the decoded times.</summary>
    private double Position => Math.Max(startSeconds, 0) + elapsedSeconds;

    /// <summary>Takes the next decoded frame; the limit it breaks, as the 2008 message, or null.</summary>
    public string? Add(double seconds, int width, int height)
    {
        Frames++;
        if (Frames > options.MaxFrames)
        {
            return Refusal($"the video has more than {options.MaxFrames} frames", nameof(VideoOptions.MaxFrames));
        }

        var pixels = (long)width * height;
        if (pixels > options.MaxFramePixels)
        {
            return OverPixels($"{width}x{height}");
        }

        decodedPixels += pixels;
        if (decodedPixels > options.MaxDecodedPixels)
        {
            return Refusal(string.Create(CultureInfo.InvariantCulture, $"the video decodes to more than {options.MaxDecodedPixels:N0} pixels in all"), nameof(VideoOptions.MaxDecodedPixels));
        }

        Size ??= (width, height);
        if (Size != (width, height))
        {
            // Sampled frames of two sizes would be tracked and classified as if one had been squashed into the other.
            return $"the frame size changes within the video ({Size.Value.Width}x{Size.Value.Height}, then {width}x{height})";
        }

        if (double.IsNaN(seconds))
        {
            return null;
        }

        if (double.IsNaN(startSeconds))
        {
            startSeconds = seconds;
        }
        else if (seconds > lastSeconds)
        {
            lastInterval = seconds - lastSeconds;
            intervals.Add(lastInterval);
            elapsedSeconds += lastInterval;
        }
        else
        {
            // A time that goes back or stands still is still a frame of its own: it lasts as long as the one before.
            elapsedSeconds += lastInterval;
        }

        lastSeconds = seconds;
        if (Position > options.MaxSeconds)
        {
            return Refusal(string.Create(CultureInfo.InvariantCulture, $"the video is longer than {options.MaxSeconds:0.#} s"), nameof(VideoOptions.MaxSeconds));
        }

        // One second of slack: a short burst is fine, a video that keeps it up is not.
        if (Frames > options.MaxFrameRate * (elapsedSeconds + 1))
        {
            return Refusal(string.Create(CultureInfo.InvariantCulture, $"the video has more than {options.MaxFrameRate:0.#} frames per second"), nameof(VideoOptions.MaxFrameRate));
        }

        return null;
    }

    private double MedianInterval()
    {
        if (intervals.Count == 0)
        {
            return 0;
        }

        var sorted = intervals.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The 2008 message for a frame of <paramref name="size"/> (WxH) over the pixel limit.</summary>
    public string OverPixels(string size) =>
        Refusal($"a frame of {size} is over the limit of {options.MaxFramePixels} pixels", nameof(VideoOptions.MaxFramePixels));

    public static string Refusal(string what, string setting) => $"{what} ({VideoOptions.Section}:{setting})";

    /// <summary>The setting a <see cref="Refusal"/> names (<c>Video:MaxSeconds</c>); null for any other message.</summary>
    public static string? LimitOf(string message)
    {
        var start = message.LastIndexOf($" ({VideoOptions.Section}:", StringComparison.Ordinal);
        return start >= 0 && message.EndsWith(')') ? message[(start + 2)..^1] : null;
    }
}
