using Liveness.Host.Tests;

namespace Liveness.Cli.Tests;

/// <summary>One real host on loopback for the CLI and client tests: they post to its public front.</summary>
[CollectionDefinition(nameof(KitServer))]
public sealed class KitServer : ICollectionFixture<ServerFixture>;
