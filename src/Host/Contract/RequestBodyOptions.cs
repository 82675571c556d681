using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Contract;

/// <summary>
/// What every listener that takes liveness requests, the front and the pipeline, holds a request body to (section
/// <c>RequestBody</c>): one setting, so a node that is both front and pipeline cannot disagree with itself.
/// </summary>
public sealed class RequestBodyOptions
{
    public const string Section = "RequestBody";

    /// <summary>A larger body gets 413 as soon as its Content-Length says so, before it is read; Base64 makes it about 4/3 of the video's size.</summary>
    [Range(1024, 1L << 32)]
    public long MaxBytes { get; set; } = 64L << 20;

    /// <summary>A sender that uploads slower than this (after <see cref="MinRateGracePeriod"/>) is cut off.</summary>
    [Range(1, 1L << 30)]
    public double MinBytesPerSecond { get; set; } = 4096;

    /// <summary>Kestrel needs more than a second.</summary>
    [Range(typeof(TimeSpan), "00:00:01.001", "00:10:00")]
    public TimeSpan MinRateGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Binds and validates the section, and holds the listener's Kestrel to it.</summary>
    internal static void AddTo(IServiceCollection services)
    {
        services.AddOptions<RequestBodyOptions>().BindConfiguration(Section).ValidateDataAnnotations().ValidateOnStart();
        // Read when Kestrel starts, through the validated options: a bad value is named before Kestrel would throw on it.
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestBodyOptions>>((kestrel, options) =>
        {
            var body = options.Value;
            kestrel.Limits.MaxRequestBodySize = body.MaxBytes;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(body.MinBytesPerSecond, body.MinRateGracePeriod);
        });
    }
}
