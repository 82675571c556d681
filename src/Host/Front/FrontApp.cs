using Liveness.Host.Api;
using Liveness.Host.Audit;
using Prometheus;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Transforms;

namespace Liveness.Host.Front;

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
    public static WebApplication Build(string[] args, ListenerOptions listeners, InProcessPipeline? localPipeline, string? localPipelineAddress)
    {
        var builder = NodeApp.CreateBuilder(args, listeners.Front);
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

        var front = builder.Configuration.ValidatedSection<FrontOptions>(FrontOptions.Section);
        builder.Services.AddOptions<FrontOptions>().BindConfiguration(FrontOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var proxy = builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(transforms =>
            {
                // The node believes forwarded headers only with its secret; the client's own X-Forwarded-For is replaced.
                transforms.AddRequestHeader(FrontAuthentication.Header, listeners.NodeSecret, append: false);
                transforms.AddXForwarded(ForwardedTransformActions.Set);
            });
        if (front.ResolveDestinationsByDns)
        {
            DnsDestinations.AddTo(proxy);
        }

        // YARP's passive failure-rate policy; keep its detection window no longer than the cluster's ReactivationPeriod,
        // or a node that comes back is judged on failures from before and marked unhealthy again (YARP issue #1082).
        builder.Services.AddOptions<TransportFailureRateHealthPolicyOptions>().BindConfiguration(PassiveHealthSection)
            .Validate(health => health.DetectionWindowSize > TimeSpan.Zero && health.MinimalTotalCountThreshold >= 0
                    && health.DefaultFailureRateLimit is >= 0 and <= 1,
                $"{PassiveHealthSection}: DetectionWindowSize must be positive, MinimalTotalCountThreshold not negative, DefaultFailureRateLimit within [0, 1]")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(limiter => FrontRateLimiter.Configure(limiter, front));
        builder.Services.AddAudit();
        builder.Logging.AddFilter(ForwardingFailures.YarpForwarderCategory, LogLevel.None);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = front.MaxRequestBytes;
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(front.MinRequestBytesPerSecond, front.MinRequestRateGracePeriod);
        });

        var app = builder.Build();
        app.UseContractEdge(trustIncomingRequestId: false);
        app.UseHttpMetrics();
        app.UseRateLimiter();
        app.UseMiddleware<RequestSizeLimits>(front.MaxRequestBytes);
        var demo = builder.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        if (demo.IsEnabledOn(listeners.Front))
        {
            app.MapDemoPage(DemoPage.UsesManualKey(builder.Configuration, localPipeline is not null));
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
