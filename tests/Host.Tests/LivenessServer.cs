namespace Liveness.Host.Tests;

/// <summary>
/// The real host — front, pipeline and admin listeners, each a real Kestrel on a free loopback port — with
/// models from the shared mirror and its own temp folders. <see cref="Client"/> talks to the public front.
/// </summary>
public sealed class LivenessServer : IAsyncDisposable
{
    private readonly LivenessHost host;

    private LivenessServer(LivenessHost host, string workDirectory)
    {
        this.host = host;
        WorkDirectory = workDirectory;
        Client = ClientOf(host.Front);
        PipelineClient = host.PipelineSocket is { } socket ? InProcessPipelineClient(socket, host.NodeSecret) : ClientOf(host.Pipeline);
        AdminClient = ClientOf(host.Admin);
    }

    /// <summary>The public front.</summary>
    public HttpClient Client { get; }

    /// <summary>The pipeline listener the front forwards to, as the front reaches it: over its socket, with the node secret.</summary>
    public HttpClient PipelineClient { get; }

    public HttpClient AdminClient { get; }

    public LivenessHost Host => host;

    /// <summary>Holds this server's model directory and video temp folder.</summary>
    public string WorkDirectory { get; }

    public string TempVideoDirectory => Path.Combine(WorkDirectory, "tmp");

    public static async Task<LivenessServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var work = Directory.CreateTempSubdirectory("liveness-test-").FullName;
        Directory.CreateDirectory(Path.Combine(work, "tmp"));
        var all = new Dictionary<string, string>
        {
            ["Listeners:Front"] = "http://127.0.0.1:0",
            ["Listeners:Admin"] = "http://127.0.0.1:0",
            ["Models:Directory"] = Path.Combine(work, "models"),
            ["Models:Mirror"] = SharedFiles.Models,
            ["Models:Download"] = "false",
            ["Video:TempDirectory"] = Path.Combine(work, "tmp"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var host = LivenessHost.Create(all.Select(pair => $"--{pair.Key}={pair.Value}").ToArray());
        try
        {
            await host.StartAsync();
        }
        catch
        {
            // What started before the failure (the pipeline, when the front's settings are bad) must not outlive the test.
            await host.DisposeAsync();
            Directory.Delete(work, recursive: true);
            throw;
        }

        return new LivenessServer(host, work);
    }

    private static HttpClient ClientOf(Microsoft.AspNetCore.Builder.WebApplication? app) => app is null
        ? new HttpClient()
        : new HttpClient { BaseAddress = new Uri(app.Address()), Timeout = TimeSpan.FromMinutes(2) };

    private static HttpClient InProcessPipelineClient(string socket, string secret)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var unix = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
                await unix.ConnectAsync(new System.Net.Sockets.UnixDomainSocketEndPoint(socket), cancellationToken);
                return new System.Net.Sockets.NetworkStream(unix, ownsSocket: true);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri("http://in-process-pipeline/"), Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add(Liveness.Host.Api.FrontAuthentication.Header, secret);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        PipelineClient.Dispose();
        AdminClient.Dispose();
        await host.DisposeAsync();
        Directory.Delete(WorkDirectory, recursive: true);
    }
}

/// <summary>One server with default settings, shared by the test classes of the <see cref="ServerCollection"/>.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public LivenessServer Server { get; private set; } = null!;

    // Many test classes share it from one client address: the rate limit must not be what they test.
    public async Task InitializeAsync() => Server = await LivenessServer.StartAsync(new Dictionary<string, string>
    {
        ["Front:RateLimit:PermitsPerSecond"] = "1000",
        ["Front:RateLimit:Burst"] = "1000",
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(nameof(ServerCollection))]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>;
