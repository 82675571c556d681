using System.Text.Json;

namespace Liveness.Host.Tests.Audit;

/// <summary>
/// A real host with the audit file on and evidence kept (a test key, an admin key), a rate limit a burst can reach,
/// and the events of its audit file by request id.
/// </summary>
public sealed class AuditedServer : IAsyncLifetime
{
    public const string AdminKey = "audit-test-admin-key";

    /// <summary>A test key only: 32 bytes as hex, as <c>openssl rand -hex 32</c> prints them.</summary>
    public const string ImageKey = "6f1c2a9e4b7d30f85a6c1e2d9b4f7a03c5e8d1b6a2f94c7e0d3b5a8f1e6c9d2b";

    private readonly string folder = Directory.CreateTempSubdirectory("liveness-audit-").FullName;

    public LivenessServer Server { get; private set; } = null!;

    public string AuditFile => Path.Combine(folder, "audit.jsonl");

    public string ImageFolder => Path.Combine(folder, "evidence");

    public async Task InitializeAsync() => Server = await LivenessServer.StartAsync(new Dictionary<string, string>
    {
        ["Audit:File"] = AuditFile,
        ["Audit:KeepImages"] = "true",
        ["Audit:ImageFolder"] = ImageFolder,
        ["Audit:ImageKey"] = ImageKey,
        ["Admin:Key"] = AdminKey,
        ["Front:RateLimit:PermitsPerSecond"] = "20",
        ["Front:RateLimit:Burst"] = "20",
        ["RequestBody:MaxBytes"] = "16777216",
    });

    /// <summary>The events of the audit file written for <paramref name="requestId"/>.</summary>
    public List<JsonElement> EventsOf(string requestId) => File.ReadAllLines(AuditFile)
        .Select(line => JsonDocument.Parse(line).RootElement.Clone())
        .Where(audit => audit.GetProperty("request_id").GetString() == requestId)
        .ToList();

    /// <summary>The one event of <paramref name="requestId"/>; fails on none or several.</summary>
    public JsonElement EventOf(string requestId) => Assert.Single(EventsOf(requestId));

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}

[CollectionDefinition(nameof(AuditedCollection))]
public sealed class AuditedCollection : ICollectionFixture<AuditedServer>;
