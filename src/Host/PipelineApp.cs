using System.Threading.RateLimiting;
using Liveness.Host.Audit;
using Liveness.Host.Api;
using Liveness.Host.Contract;
using Liveness.Host.Crypto;
using Liveness.Host.Front;
using Liveness.Host.Health;
using Liveness.Host.Metrics;
using Liveness.Host.Models;
using Liveness.Host.Pipeline;
using Liveness.Host.Pipeline.Cues;
using Liveness.Host.Plugins;
using Liveness.Host.Video;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Liveness.Host;

/// <summary>
/// The pipeline node: the contract endpoint, the pipeline's parts, the backend plugins and their health. It
/// serves its front only, and holds to its own limits whatever the front let through.
/// </summary>
internal static partial class PipelineApp
{
    private const string KestrelCategory = "Microsoft.AspNetCore.Server.Kestrel";

    /// <param name="inProcess">Whether the node's only client is the front of this process, over its private socket.</param>
    public static WebApplication Build(WebApplicationBuilder builder, string url, string nodeSecret, bool inProcess)
    {
        builder.WebHost.UseUrls(url);
        if (inProcess)
        {
            // When the front cuts a forward (its client abandoned the upload; the front logs that in one line), this
            // Kestrel warns "Reading is already in progress" with a stack trace (dotnet/aspnetcore#52324, open). Its
            // other warnings (the heartbeat) are the same process's and come from the front's Kestrel too.
            builder.Logging.AddFilter(KestrelCategory, LogLevel.Error);
        }

        AddSettings(builder.Services, builder.Configuration);
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<ModelStore>();
        builder.Services.AddSingleton<BackendLoader>();
        builder.Services.AddSingleton<BackendRegistry>();
        builder.Services.AddHostedService(services => services.GetRequiredService<BackendRegistry>());
        builder.Services.AddHostedService<PluginWatcher>();
        builder.Services.AddSingleton<IReadiness, BackendReadiness>();
        builder.Services.AddSingleton<VideoDecryptor>();
        builder.Services.AddSingleton<SpareDecoders>();
        builder.Services.AddSingleton<LivenessPipeline>();
        builder.Services.AddSingleton<RequestDeadline>();
        builder.Services.AddAudit();
        builder.Services.AddSingleton<DecisionExplainer>();
        builder.Services.AddHostedService<EvidenceRetention>();
        builder.Services.AddOptions<FormOptions>().Configure<IOptions<RequestBodyOptions>>((form, body) =>
        {
            form.ValueLengthLimit = (int)Math.Min(int.MaxValue, body.Value.MaxBytes);
            form.MultipartBodyLengthLimit = body.Value.MaxBytes;
        });
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiOptions>>((limiter, api) => LimitConcurrency(limiter, api.Value));

        var app = builder.Build();
        BackendMetrics.Follow(app.Services.GetRequiredService<BackendRegistry>());
        WarnOnManualKeys(app);
        app.UseContractEdgeBehindFront(nodeSecret);
        app.UseHttpMetrics();
        app.UseRateLimiter();
        app.UseMiddleware<RequestSizeLimits>();
        app.MapLivenessEndpoint();
        app.MapHealthEndpoints();
        return app;
    }

    private static void AddSettings(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CryptoOptions>().BindConfiguration(CryptoOptions.Section)
            .PostConfigure(crypto => crypto.ApplyManualNames(configuration))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        RequestBodyOptions.AddTo(services);
        services.AddOptions<VideoOptions>().BindConfiguration(VideoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FusionOptions>().BindConfiguration(FusionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BackendOptions>().BindConfiguration(BackendOptions.Section).ValidateDataAnnotations().ValidateOnStart();
    }

    /// <summary>The node's own bound on checks at once, whichever fronts send them; health probes are never queued.</summary>
    private static void LimitConcurrency(RateLimiterOptions limiter, ApiOptions api)
    {
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => HealthEndpoints.IsProbe(context.Request.Path)
            ? RateLimitPartition.GetNoLimiter("probes")
            : RateLimitPartition.GetConcurrencyLimiter("checks", _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = api.MaxConcurrentRequests,
                QueueLimit = api.QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
        limiter.OnRejected = (rejected, _) => new ValueTask(ContractErrors.WriteAsync(rejected.HttpContext, ErrorKind.RateLimited,
            $"this pipeline node runs {api.MaxConcurrentRequests} checks at once and {api.QueueLimit} are waiting"));
    }

    private static void WarnOnManualKeys(WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<CryptoOptions>>().Value.UsesManualDefaults)
        {
            LogManualKeys(app.Logger);
        }
    }
}
