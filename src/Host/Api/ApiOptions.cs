using System.ComponentModel.DataAnnotations;

namespace Liveness.Host.Api;

/// <summary>The limits every pipeline node applies to the requests it serves, whichever front sent them (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The largest request body accepted; Base64 makes it about 4/3 of the video's size.</summary>
    [Range(1024, 1L << 32)]
    public long MaxRequestBytes { get; set; } = 64L << 20;

    /// <summary>Checks this node runs at once; more wait in a queue of <see cref="QueueLimit"/>.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>Checks waiting for a slot; beyond it they get 429.</summary>
    [Range(0, 100_000)]
    public int QueueLimit { get; set; } = 64;

    /// <summary>A check still running after this long is stopped and answered 504 (4007); below the front's YARP ActivityTimeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>A sender that uploads slower than this (after a grace period) is cut off.</summary>
    [Range(1, 1L << 30)]
    public double MinRequestBytesPerSecond { get; set; } = 4096;

    /// <summary>Kestrel needs more than a second.</summary>
    [Range(typeof(TimeSpan), "00:00:01.001", "00:10:00")]
    public TimeSpan MinRequestRateGracePeriod { get; set; } = TimeSpan.FromSeconds(10);
}
