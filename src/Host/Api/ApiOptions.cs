using System.ComponentModel.DataAnnotations;

namespace Liveness.Host.Api;

/// <summary>
/// The limits every pipeline node applies to the requests it serves, whichever front sent them (section <c>Api</c>);
/// the body's size and upload rate are <see cref="RequestBodyOptions"/>, shared with the front.
/// </summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Checks this node runs at once; more wait in a queue of <see cref="QueueLimit"/>.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>Checks waiting for a slot; beyond it they get 429.</summary>
    [Range(0, 100_000)]
    public int QueueLimit { get; set; } = 64;

    /// <summary>A check still running after this long is stopped and answered 504 (4007); below the front's YARP ActivityTimeout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(90);
}
