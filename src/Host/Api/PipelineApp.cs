using Liveness.Host.Crypto;
using Liveness.Host.Health;
using Liveness.Host.Models;
using Liveness.Host.Pipeline;
using Liveness.Host.Pipeline.Cues;
using Liveness.Host.Plugins;
using Liveness.Host.Video;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Liveness.Host.Api;

/// <summary>The pipeline node: the contract endpoint, the pipeline's parts, the backend plugins and their health.</summary>
internal static partial class PipelineApp
{
    public static WebApplication Build(string[] args, ListenerOptions listeners)
    {
        var builder = NodeApp.CreateBuilder(args, listeners.Pipeline);
        AddSettings(builder.Services, builder.Configuration);
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<ModelStore>();
        builder.Services.AddSingleton<BackendLoader>();
        builder.Services.AddSingleton<BackendRegistry>();
        builder.Services.AddHostedService(services => services.GetRequiredService<BackendRegistry>());
        builder.Services.AddHostedService<PluginWatcher>();
        builder.Services.AddSingleton<IReadiness, BackendReadiness>();
        builder.Services.AddSingleton<VideoDecryptor>();
        builder.Services.AddSingleton<LivenessPipeline>();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            foreach (var proxy in listeners.TrustedProxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });

        var maxRequestBytes = builder.Configuration.GetValue(
            $"{ApiOptions.Section}:{nameof(ApiOptions.MaxRequestBytes)}", new ApiOptions().MaxRequestBytes);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxRequestBytes);
        builder.Services.Configure<FormOptions>(form =>
        {
            form.ValueLengthLimit = (int)Math.Min(int.MaxValue, maxRequestBytes);
            form.MultipartBodyLengthLimit = maxRequestBytes;
        });

        var app = builder.Build();
        WarnOnManualKeys(app);
        app.UseForwardedHeaders();
        app.UseContractEdge(trustIncomingRequestId: true);
        app.UseHttpMetrics();
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
        services.AddOptions<VideoOptions>().BindConfiguration(VideoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FusionOptions>().BindConfiguration(FusionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.Section).ValidateOnStart();
        services.AddOptions<BackendOptions>().BindConfiguration(BackendOptions.Section).ValidateDataAnnotations().ValidateOnStart();
    }

    private static void WarnOnManualKeys(WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<CryptoOptions>>().Value.UsesManualDefaults)
        {
            LogManualKeys(app.Logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "!!! DECRYPTION USES THE PUBLISHED DEFAULT KEY AND IV FROM THE SENSEID MANUAL: anyone can decrypt uploads. Set PARAM_DECRYPT_KEY and PARAM_DECRYPT_IV. !!!")]
    private static partial void LogManualKeys(ILogger logger);
}
