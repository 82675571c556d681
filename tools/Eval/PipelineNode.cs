using System.Security.Cryptography;
using Liveness.Host;
using Liveness.Host.Crypto;
using Liveness.Host.Pipeline;
using Liveness.Host.Plugins;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Liveness.Tools.Eval;

/// <summary>
/// The real host, started in this process as a pipeline-only node on a free loopback port: no front (so no rate
/// limits), no admin listener. Videos are posted to it as a client posts them; frames use its serving backends.
/// </summary>
internal sealed class PipelineNode : IAsyncDisposable
{
    private readonly LivenessHost host;
    private DecisionDetails? lastDetails;

    private PipelineNode(LivenessHost host, WebApplication pipeline)
    {
        this.host = host;
        Client = new HttpClient { BaseAddress = new Uri(pipeline.Address()), Timeout = TimeSpan.FromMinutes(5) };
        // The node serves its front only: the tool stands in for it.
        Client.DefaultRequestHeaders.Add(Liveness.Host.Api.FrontAuthentication.Header, host.NodeSecret);
        Backends = pipeline.Services.GetRequiredService<BackendRegistry>();
        Options = pipeline.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        Crypto = pipeline.Services.GetRequiredService<IOptions<CryptoOptions>>().Value;
        Pipeline = pipeline.Services.GetRequiredService<LivenessPipeline>();
        Pipeline.Decided += decision => Interlocked.Exchange(ref lastDetails, decision.Details);
    }

    /// <summary>A client of the pipeline listener.</summary>
    public HttpClient Client { get; }

    public BackendRegistry Backends { get; }

    /// <summary>The node's pipeline settings: the frame path decides with the same <c>Pipeline:PassThreshold</c>.</summary>
    public PipelineOptions Options { get; }

    /// <summary>The node's pipeline: videos are posted to it, frames judged by it (<see cref="LivenessPipeline.JudgeFrame"/>).</summary>
    public LivenessPipeline Pipeline { get; }

    /// <summary>
    /// What the pipeline saw in the last video it judged, taken once (the tool posts one video at a time); null when
    /// none was judged since (<c>short_time</c>, an error).
    /// </summary>
    public DecisionDetails? TakeDetails() => Interlocked.Exchange(ref lastDetails, null);

    /// <summary>The key and IV the node decrypts with.</summary>
    public CryptoOptions Crypto { get; }

    /// <param name="settings">Host settings as <c>--Section:Key=value</c>; they override the tool's defaults.</param>
    public static async Task<PipelineNode> StartAsync(IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        string[] args =
        [
            "--Logging:LogLevel:Default=Warning",
            // One backend pair for the whole run: a hot swap half-way would mix two systems in one measurement.
            "--Backends:WatchForChanges=false",
            // The tool is the node's only client: a key of its own rather than the manual's published one.
            $"--PARAM_DECRYPT_KEY={RandomNumberGenerator.GetHexString(32, lowercase: true)}",
            $"--PARAM_DECRYPT_IV={RandomNumberGenerator.GetHexString(12, lowercase: true)}",
            .. settings,
            "--Listeners:Front=",
            "--Listeners:Pipeline=http://127.0.0.1:0",
            $"--Listeners:NodeSecret={RandomNumberGenerator.GetHexString(64, lowercase: true)}",
            "--Listeners:Admin=",
        ];
        var host = LivenessHost.Create(args);
        try
        {
            await host.StartAsync(cancellationToken);
            if (host.Pipeline!.Services.GetRequiredService<BackendRegistry>().Serving is null)
            {
                throw new InvalidOperationException("no model backend is serving: see the host's log above (models, plugins)");
            }

            return new PipelineNode(host, host.Pipeline);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await host.DisposeAsync();
    }
}
