using Liveness.Host.Api;

namespace Liveness.Host;

/// <summary>What every listener of the host shares: the configuration sources, its own URL, and the contract's request ids and error form.</summary>
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

    /// <summary>Request ids and the contract's error body for everything behind them.</summary>
    /// <param name="trustIncomingRequestId">Pipeline nodes keep the id their front assigned; fronts always assign a new one.</param>
    public static void UseContractEdge(this WebApplication app, bool trustIncomingRequestId)
    {
        app.UseMiddleware<RequestId>(trustIncomingRequestId);
        app.UseMiddleware<ContractErrors>();
    }

    public static string Address(this WebApplication app) =>
        app.Urls.Single();
}
