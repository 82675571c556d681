using System.Net;
using Microsoft.AspNetCore.Http;

namespace Liveness.Host.Front;

/// <summary>The browser demo page on the front at <c>/demo/</c> (section <c>Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>
    /// Unset: on only while the front listens on loopback alone, where the page reaches nobody but this machine's
    /// user. On a public listener it must be asked for, as it tells callers whether the published key is in use.
    /// </summary>
    public bool? Enabled { get; set; }

    public bool IsEnabledOn(string frontUrls) => Enabled ?? ListensOnLoopbackOnly(frontUrls);

    /// <summary>Every address of a Kestrel URL list (<c>;</c>-separated) is a loopback IP or <c>localhost</c>.</summary>
    internal static bool ListensOnLoopbackOnly(string frontUrls) =>
        frontUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(url => BindingAddress.Parse(url).Host is var host
                && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                    || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))));
}
