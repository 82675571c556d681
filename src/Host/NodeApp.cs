using Liveness.Host.Api;
using Liveness.Host.Audit;

namespace Liveness.Host;

/// <summary>What every listener of the host shares: the configuration sources, its own URL, and the contract's request ids and error form.</summary>
internal static class NodeApp
{
    public static WebApplicationBuilder CreateBuilder(string[] args, string url)
    {
        // The host's own folder, not the working directory: appsettings.json (with the default route) is always found.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(KestrelRejections.UseOn));
        // Under systemd (Type=notify, deploy/liveness.service): readiness and stopping notifications, journald log levels.
        builder.Host.UseSystemd();
        return builder;
    }

    /// <summary>Request ids and the contract's error body for everything behind them.</summary>
    /// <param name="trustIncomingRequestId">Pipeline nodes keep the id their front assigned; fronts always assign a new one.</param>
    public static void UseContractEdge(this WebApplication app, bool trustIncomingRequestId)
    {
        app.UseMiddleware<RequestId>(trustIncomingRequestId);
        app.UseMiddleware<AuditTrail>(trustIncomingRequestId ? AuditTrail.Node : AuditTrail.Front);
        app.UseMiddleware<ContractErrors>();
    }

    /// <summary>
    /// Settings a listener needs while it is being built (Kestrel's limits), validated then as
    /// <c>ValidateDataAnnotations</c> would at start: Kestrel throws on some bad values before that.
    /// </summary>
    public static T ValidatedSection<T>(this IConfiguration configuration, string section) where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var result = new Microsoft.Extensions.Options.DataAnnotationValidateOptions<T>(null).Validate(null, options);
        return result.Failed ? throw new Microsoft.Extensions.Options.OptionsValidationException(section, typeof(T), result.Failures) : options;
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
