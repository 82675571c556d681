using Liveness.Host.Admin;
using Liveness.Host.Api;
using Liveness.Host.Audit;
using Liveness.Host.Contract;
using Liveness.Host.Health;
using Liveness.Host.Metrics;
using Liveness.Host.Pipeline;
using Liveness.Host.Pipeline.Cues;
using Liveness.Host.Plugins;
using Prometheus;

namespace Liveness.Host;

/// <summary>
/// The admin listener: health and readiness for orchestrators and YARP's active checks, and on a pipeline
/// node the backend admin API. Never reachable through the front.
/// </summary>
internal static class AdminApp
{
    public static WebApplication Build(WebApplicationBuilder builder, ListenerOptions listeners, IReadiness readiness, BackendRegistry? backends)
    {
        builder.WebHost.UseUrls(listeners.Admin);
        builder.Services.AddSingleton(readiness);
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var defaults = new ListenerOptions();
        builder.Services.AddAdminOpenApi(defaults.Front, defaults.Admin);
        builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<EvidenceStore>();
        if (backends is not null)
        {
            builder.Services.AddSingleton(backends);
        }

        var app = builder.Build();
        LivenessMetrics.PublishKnownSeries(LivenessEndpoint.AllAnswers(), LivenessPipeline.Stage.All, CueName.All, DecisionReason.RejectionLabels);
        app.UseContractEdge(trustIncomingRequestId: false);
        app.MapHealthEndpoints();
        app.MapMetrics();
        if (backends is not null)
        {
            app.MapBackendAdminEndpoints();
        }

        app.MapEvidenceAdminEndpoints();

        app.MapAdminOpenApi();

        return app;
    }
}
