using Microsoft.AspNetCore.Builder;

namespace Liveness.Host.Tests;

/// <summary>The real host on a real Kestrel listener on loopback, with models from the shared mirror and its own temp folders.</summary>
public sealed class LivenessServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LivenessServer(WebApplication app, string workDirectory)
    {
        this.app = app;
        WorkDirectory = workDirectory;
        Client = new HttpClient { BaseAddress = new Uri(LoopbackAddress.Of(app)), Timeout = TimeSpan.FromMinutes(2) };
    }

    public HttpClient Client { get; }

    /// <summary>Holds this server's model directory and video temp folder.</summary>
    public string WorkDirectory { get; }

    public string TempVideoDirectory => Path.Combine(WorkDirectory, "tmp");

    public IServiceProvider Services => app.Services;

    public static async Task<LivenessServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var work = Directory.CreateTempSubdirectory("liveness-test-").FullName;
        Directory.CreateDirectory(Path.Combine(work, "tmp"));
        var all = new Dictionary<string, string>
        {
            ["urls"] = "http://127.0.0.1:0",
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

        var app = LivenessApp.Build(all.Select(pair => $"--{pair.Key}={pair.Value}").ToArray());
        await app.StartAsync();
        return new LivenessServer(app, work);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Directory.Delete(WorkDirectory, recursive: true);
    }
}

/// <summary>One server with default settings, shared by the test classes of the <see cref="ServerCollection"/>.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public LivenessServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await LivenessServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(nameof(ServerCollection))]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>;
