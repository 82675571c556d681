namespace Liveness.Host;

/// <summary>
/// Where each part of the host listens (section <c>Listeners</c>); an empty address turns that part off, which
/// is how a node becomes pipeline-only (no front) or front-only (a YARP cluster of remote pipeline nodes).
/// </summary>
public sealed class ListenerOptions
{
    public const string Section = "Listeners";

    /// <summary>The public front: YARP routes, rate limits and size limits.</summary>
    public string Front { get; set; } = "http://127.0.0.1:8080";

    /// <summary>The pipeline; by default a free loopback port that only the in-process front talks to.</summary>
    public string Pipeline { get; set; } = "http://127.0.0.1:0";

    /// <summary>Health, metrics and the admin API; never the public front.</summary>
    public string Admin { get; set; } = "http://127.0.0.1:8082";

    /// <summary>Proxies (besides loopback) whose <c>X-Forwarded-For</c> a pipeline node believes: the fronts of a cluster.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    public static ListenerOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<ListenerOptions>() ?? new ListenerOptions();
}
