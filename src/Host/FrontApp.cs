using Liveness.Host.Api;
using Liveness.Host.Audit;
using Liveness.Host.Contract;
using Liveness.Host.Front;
using Prometheus;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Transforms;

namespace Liveness.Host;

/// <summary>
/// The public front: YARP routes and clusters from configuration (section <c>ReverseProxy</c>, reloaded when
/// it changes), behind the rate limiter and the size limits. Its only way into a pipeline is the cluster.
/// </summary>
internal static class FrontApp
{
    /// <summary>The cluster the default route forwards to; the pipeline of the same process joins it as destination <c>local</c>.</summary>
    public const string ClusterId = "pipeline";

    public const string PassiveHealthSection = "Front:PassiveHealth";

    /// <param name="localPipeline">The pipeline of this process behind its private socket, if it has one.</param>
    /// <param name="localPipelineAddress">Else the address of this process's pipeline on TCP, if it has one.</param>
    /// <param name="pipelineUsesManualKey">Whether the in-process pipeline decrypts with the manual's key, as the demo page says.</param>
    public static WebApplication Build(
        WebApplicationBuilder builder, ListenerOptions listeners, InProcessPipeline? localPipeline, string? localPipelineAddress, bool pipelineUsesManualKey)
    {
        builder.WebHost.UseUrls(listeners.Front);
        if ((localPipeline is not null ? InProcessPipelineConnector.Address : localPipelineAddress) is { } local)
        {
            // Below every other source, so configured destinations and cluster settings still apply.
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
            {
                InitialData = [new($"ReverseProxy:Clusters:{ClusterId}:Destinations:local:Address", local)],
            });
        }

        if (localPipeline is not null)
        {
            builder.Services.AddSingleton<IForwarderHttpClientFactory>(new InProcessPipelineConnector(localPipeline.SocketPath));
        }

        builder.Services.AddOptions<FrontOptions>().BindConfiguration(FrontOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateOnStart();
        RequestBodyOptions.AddTo(builder.Services);
        var proxy = builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(transforms =>
            {
                // The node believes forwarded headers only with its secret; the client's own X-Forwarded-For is replaced.
                transforms.AddRequestHeader(FrontAuthentication.Header, listeners.NodeSecret, append: false);
                transforms.AddXForwarded(ForwardedTransformActions.Set);
            });
        DnsDestinations.AddTo(proxy);

        // YARP's passive failure-rate policy, validated here: YARP would take a window of zero or a limit above 1 silently.
        builder.Services.AddOptions<TransportFailureRateHealthPolicyOptions>().BindConfiguration(PassiveHealthSection)
            .Validate(health => health.DetectionWindowSize > TimeSpan.Zero && health.MinimalTotalCountThreshold >= 0
                    && health.DefaultFailureRateLimit is >= 0 and <= 1,
                $"{PassiveHealthSection}: DetectionWindowSize must be positive, MinimalTotalCountThreshold not negative, DefaultFailureRateLimit within [0, 1]")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<FrontOptions>>((limiter, front) => FrontRateLimiter.Configure(limiter, front.Value));
        builder.Services.AddAudit();
        builder.Logging.AddFilter(ForwardingFailures.YarpForwarderCategory, LogLevel.None);

        var app = builder.Build();
        app.UseContractEdge(trustIncomingRequestId: false, AuditTrail.OfFront);
        app.UseHttpMetrics();
        app.UseRateLimiter();
        app.UseMiddleware<RequestSizeLimits>();
        if (app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.IsEnabledOn(listeners.Front))
        {
            app.MapDemoPage(pipelineUsesManualKey);
        }

        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<ForwardingFailures>();
            proxy.UseMiddleware<RetryOnUnreachableDestination>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
