namespace Liveness.Host;

/// <summary>What every listener of the host shares: the configuration sources and its own URL.</summary>
internal static class NodeApp
{
    /// <summary>A listener's builder, its URL still to set: the first one's configuration also tells which listeners there are.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        // The host's own folder, not the working directory: appsettings.json (with the default route) is always found.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // Under systemd (Type=notify, deploy/liveness.service): readiness and stopping notifications, journald log levels.
        builder.Host.UseSystemd();
        return builder;
    }

    public static string Address(this WebApplication app) =>
        app.Urls.Single();
}
