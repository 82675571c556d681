using Liveness.Host.Admin;
using Liveness.Host.Crypto;
using Liveness.Host.Front;
using Liveness.Host.Health;
using Liveness.Host.Plugins;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy;

namespace Liveness.Host;

/// <summary>
/// The process: up to three listeners, each its own Kestrel app so routes never leak between them — the
/// pipeline (started first: the front needs its address), the public front, and the admin listener.
/// </summary>
public sealed class LivenessHost : IAsyncDisposable
{
    private readonly string[] args;
    private readonly ListenerOptions listeners;
    // The builder whose configuration Create read the listeners from: the first listener started is built from it.
    private WebApplicationBuilder? firstBuilder;
    private readonly InProcessPipeline? inProcess;
    private readonly List<WebApplication> started = [];

    private LivenessHost(string[] args, WebApplicationBuilder firstBuilder, ListenerOptions listeners)
    {
        this.args = args;
        this.firstBuilder = firstBuilder;
        this.listeners = listeners;
        if (listeners.PipelineInProcess)
        {
            inProcess = new InProcessPipeline();
            if (listeners.NodeSecret.Length == 0)
            {
                listeners.NodeSecret = InProcessPipeline.DrawSecret();
            }
        }
    }

    public WebApplication? Pipeline { get; private set; }

    public WebApplication? Front { get; private set; }

    public WebApplication? Admin { get; private set; }

    /// <summary>The in-process pipeline's socket, when it has one; tests and tools in this process reach the pipeline through it.</summary>
    internal string? PipelineSocket => inProcess?.SocketPath;

    /// <summary>What the front sends its pipeline nodes.</summary>
    internal string NodeSecret => listeners.NodeSecret;

    public static LivenessHost Create(string[] args)
    {
        NativeRuntimes.EnsureLoaded();
        var builder = NodeApp.CreateBuilder(args);
        RenamedSettings.Refuse(builder.Configuration);
        return new LivenessHost(args, builder, ListenerOptions.From(builder.Configuration));
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (listeners.Pipeline.Length > 0)
        {
            Pipeline = await StartAsync(PipelineApp.Build(NextBuilder(), inProcess?.Url ?? listeners.Pipeline, listeners.NodeSecret, inProcess is not null), cancellationToken);
            inProcess?.Restrict();
        }

        if (listeners.Front.Length > 0)
        {
            var pipelineUsesManualKey = inProcess is not null
                && Pipeline!.Services.GetRequiredService<IOptions<CryptoOptions>>().Value.UsesManualDefaults;
            Front = await StartAsync(FrontApp.Build(NextBuilder(), listeners, inProcess, inProcess is null ? Pipeline?.LoopbackAddress() : null, pipelineUsesManualKey), cancellationToken);
        }

        if (listeners.Admin.Length > 0)
        {
            var readiness = Pipeline?.Services.GetRequiredService<IReadiness>()
                ?? new ClusterReadiness(Front!.Services.GetRequiredService<IProxyStateLookup>());
            Admin = await StartAsync(AdminApp.Build(NextBuilder(), listeners, readiness, Pipeline?.Services.GetRequiredService<BackendRegistry>()), cancellationToken);
        }
    }

    /// <summary>Starts every listener and runs until the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public async Task RunAsync()
    {
        await StartAsync();
        await Task.WhenAny(started.Select(app => app.WaitForShutdownAsync()));
    }

    private WebApplicationBuilder NextBuilder()
    {
        var builder = firstBuilder ?? NodeApp.CreateBuilder(args);
        firstBuilder = null;
        return builder;
    }

    private async Task<WebApplication> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        started.Add(app);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in Enumerable.Reverse(started))
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        started.Clear();
        inProcess?.Dispose();
    }
}
