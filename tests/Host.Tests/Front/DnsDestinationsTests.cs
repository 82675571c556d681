using System.Net.Sockets;
using Liveness.Host.Front;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Liveness.Host.Tests.Front;

/// <summary>
/// <see cref="DnsDestinations"/> in front of a resolver whose answers the test sets: names by address, and what a
/// failed lookup leaves. The real lookups, through a hosts file, are in <c>Deploy/DnsScaleOutTests</c>.
/// </summary>
public sealed class DnsDestinationsTests
{
    private static readonly Dictionary<string, DestinationConfig> Nodes = new() { ["nodes"] = new() { Address = "http://nodes:9101/" } };

    private readonly ScriptedDns dns = new();

    [Fact]
    public async Task A_resolved_destination_is_named_for_its_address_whatever_its_place_in_the_answer()
    {
        var resolver = Create();
        dns.Addresses = ["10.0.0.1", "10.0.0.2"];
        var first = await resolver.ResolveDestinationsAsync(Nodes, default);
        dns.Addresses = ["10.0.0.2", "10.0.0.1"];
        var second = await resolver.ResolveDestinationsAsync(Nodes, default);

        Assert.Equal(["nodes@10.0.0.1", "nodes@10.0.0.2"], first.Destinations.Keys.Order());
        Assert.All(second.Destinations, pair => Assert.Equal(first.Destinations[pair.Key], pair.Value));
        Assert.Equal("http://10.0.0.1:9101/", second.Destinations["nodes@10.0.0.1"].Address);
        Assert.Equal("nodes", second.Destinations["nodes@10.0.0.1"].Host);
    }

    [Fact]
    public async Task A_failed_lookup_keeps_the_last_answer_and_the_next_refresh_still_comes()
    {
        var resolver = Create(TimeSpan.FromMilliseconds(200));
        dns.Addresses = ["10.0.0.1", "10.0.0.2"];
        var before = await resolver.ResolveDestinationsAsync(Nodes, default);
        dns.Addresses = null;
        var failed = await resolver.ResolveDestinationsAsync(Nodes, default);

        Assert.Equal(before.Destinations, failed.Destinations);
        var refresh = failed.ChangeToken!;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!refresh.HasChanged)
        {
            Assert.True(DateTime.UtcNow < deadline, "the refresh after a failed lookup never came");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_yet_leaves_no_destination_instead_of_failing()
    {
        var resolver = Create();
        dns.Addresses = null;

        var resolved = await resolver.ResolveDestinationsAsync(Nodes, default);

        Assert.Empty(resolved.Destinations);
        Assert.NotNull(resolved.ChangeToken);
    }

    [Fact]
    public async Task In_front_of_yarps_resolver_an_address_names_itself()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddOptions<FrontOptions>().Configure(front => front.ResolveDestinationsByDns = true);
        DnsDestinations.AddTo(services.AddReverseProxy());
        await using var provider = services.BuildServiceProvider();

        var resolver = provider.GetRequiredService<IDestinationResolver>();
        var resolved = await resolver.ResolveDestinationsAsync(new Dictionary<string, DestinationConfig>
        {
            ["local"] = new() { Address = "http://127.0.0.1:9101/" },
        }, default);

        Assert.IsType<DnsDestinations>(resolver);
        Assert.Equal("http://127.0.0.1:9101/", Assert.Single(resolved.Destinations, pair => pair.Key == "local@127.0.0.1").Value.Address);
    }

    [Fact]
    public async Task Switched_off_it_takes_the_destinations_as_given()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddOptions<FrontOptions>();
        DnsDestinations.AddTo(services.AddReverseProxy());
        await using var provider = services.BuildServiceProvider();

        var resolved = await provider.GetRequiredService<IDestinationResolver>().ResolveDestinationsAsync(new Dictionary<string, DestinationConfig>
        {
            ["local"] = new() { Address = "http://127.0.0.1:9101/" },
        }, default);

        Assert.Equal("http://127.0.0.1:9101/", Assert.Single(resolved.Destinations, pair => pair.Key == "local").Value.Address);
        Assert.Null(resolved.ChangeToken);
    }

    private DnsDestinations Create(TimeSpan? refresh = null) => new(
        dns, Options.Create(new FrontOptions { ResolveDestinationsByDns = true, DnsRefreshPeriod = refresh ?? TimeSpan.FromMinutes(1) }), NullLogger<DnsDestinations>.Instance);

    /// <summary>Answers as YARP's DNS resolver does (by place in the answer), with the addresses set; none: the name is unknown.</summary>
    private sealed class ScriptedDns : IDestinationResolver
    {
        public string[]? Addresses { get; set; }

        public ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
            IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
        {
            var addresses = Addresses ?? throw new SocketException((int)SocketError.HostNotFound);
            var (id, destination) = destinations.Single();
            var original = new Uri(destination.Address);
            var resolved = addresses.Select((address, place) => KeyValuePair.Create($"{id}[{place}]",
                destination with { Address = new UriBuilder(original) { Host = address }.ToString(), Host = original.Host }));
            return ValueTask.FromResult(new ResolvedDestinationCollection(resolved.ToDictionary(), null));
        }
    }
}
