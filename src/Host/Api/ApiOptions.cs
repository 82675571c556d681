using System.ComponentModel.DataAnnotations;

namespace Liveness.Host.Api;

/// <summary>Limits of the public endpoint (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The largest request body accepted; Base64 makes it about 4/3 of the video's size.</summary>
    [Range(1024, 1L << 32)]
    public long MaxRequestBytes { get; set; } = 64L << 20;
}
