using Liveness.Host.Contract;

namespace Liveness.Host;

/// <summary>What every listener of the host shares: the configuration sources and its own URL.</summary>
internal static class NodeApp
{
    /// <summary>A listener's builder, its URL still to set: the first one's configuration also tells which listeners there are.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // The host's own folder, not the working directory: appsettings.json (with the default route) is always found.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(KestrelRejections.UseOn));
        // Under systemd (Type=notify, deploy/liveness.service): readiness and stopping notifications, journald log levels.
        builder.Host.UseSystemd();
        return builder;
    }

    public static string Address(this WebApplication app) =>
        app.Urls.Single();

    /// <summary>Where this process reaches a listener bound to every address (<c>0.0.0.0</c>, <c>[::]</c>): its loopback.</summary>
    public static string LoopbackAddress(this WebApplication app)
    {
        var bound = new UriBuilder(app.Address()) { Path = "/" };
        bound.Host = bound.Host switch
        {
            "0.0.0.0" => "127.0.0.1",
            "[::]" => "[::1]",
            _ => bound.Host,
        };
        return bound.Uri.ToString();
    }
}
