using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Front;

/// <summary>
/// Limits the public front applies before a request reaches a pipeline node (section <c>Front</c>); the body's size
/// and upload rate are <see cref="RequestBodyOptions"/>, shared with the pipeline.
/// </summary>
public sealed class FrontOptions
{
    public const string Section = "Front";

    /// <summary>Requests each client address may start per second, on average.</summary>
    [Required]
    [ValidateObjectMembers]
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Requests forwarded at once, over all clients; on 2 cores a few at a time keeps every one fast.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>Requests waiting for one of <see cref="MaxConcurrentRequests"/>; beyond it they get 429.</summary>
    [Range(0, 100_000)]
    public int QueueLimit { get; set; } = 64;

    /// <summary>
    /// Expand each destination of the cluster to every address its host name resolves to, so that one destination
    /// (a headless Service, a Compose service) stands for all the pipeline nodes behind the name.
    /// </summary>
    public bool ResolveDestinationsByDns { get; set; }

    /// <summary>How often the names are looked up again: nodes that come and go are picked up without a restart.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DnsRefreshPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A token bucket per client address.</summary>
    public sealed class RateLimitOptions
    {
        [Range(1, 100_000)]
        public int PermitsPerSecond { get; set; } = 10;

        /// <summary>How many requests a client may send at once after a quiet spell.</summary>
        [Range(1, 100_000)]
        public int Burst { get; set; } = 20;
    }
}
