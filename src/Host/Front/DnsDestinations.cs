using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Liveness.Host.Front;

/// <summary>
/// Expands each destination of the cluster to every address its host name resolves to, again every
/// <see cref="FrontOptions.DnsRefreshPeriod"/> (<c>Front:ResolveDestinationsByDns</c>). YARP's DNS resolver does the lookups.
/// </summary>
/// <remarks>
/// Two things differ from YARP's resolver on its own. It names what it resolves by the address's place in the answer
/// (<c>nodes[0]</c>, <c>nodes[1]</c>) and YARP keeps a destination's health under its name: DNS servers rotate their
/// answers and a node that leaves shifts the others, so a dead node's mark would move to a live one. Here a resolved
/// destination is named for its address (<c>nodes@10.1.2.3</c>). And a lookup that fails (no node exists yet, a DNS
/// hiccup) keeps that destination's last answer and is tried again at the next refresh, where YARP alone would stop
/// the front from starting, or after a refresh fall back to looking again only every 5 minutes.
/// </remarks>
internal sealed partial class DnsDestinations(
    IDestinationResolver dns,
    IOptions<FrontOptions> options,
    ILogger<DnsDestinations> logger) : IDestinationResolver
{
    private readonly Dictionary<(string Id, string Address), Dictionary<string, DestinationConfig>> lastAnswers = [];

    public static void AddTo(IReverseProxyBuilder proxy)
    {
        // The refresh is ours (one change token for every destination), so YARP's resolver keeps no timer of its own.
        proxy.AddDnsDestinationResolver(dns => dns.RefreshPeriod = null);

        // YARP's resolver type is internal: take its registration and put this class in front of it.
        var yarps = proxy.Services.Last(service => service.ServiceType == typeof(IDestinationResolver));
        var yarpsType = yarps.ImplementationType ?? throw new InvalidOperationException("YARP's DNS destination resolver is not registered by type");
        proxy.Services.Remove(yarps);
        proxy.Services.AddSingleton<IDestinationResolver>(services =>
            ActivatorUtilities.CreateInstance<DnsDestinations>(services, ActivatorUtilities.CreateInstance(services, yarpsType)));
    }

    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        if (!options.Value.ResolveDestinationsByDns)
        {
            // Always registered, so the setting is read through its validated options: off, destinations are taken as given.
            return new ResolvedDestinationCollection(destinations, null);
        }

        var resolved = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, destination) in destinations)
        {
            foreach (var (name, config) in await ResolveAsync(id, destination, cancellationToken))
            {
                resolved[name] = config;
            }
        }

        var refresh = new CancellationTokenSource(options.Value.DnsRefreshPeriod);
        return new ResolvedDestinationCollection(resolved, new CancellationChangeToken(refresh.Token));
    }

    private async Task<Dictionary<string, DestinationConfig>> ResolveAsync(
        string id, DestinationConfig destination, CancellationToken cancellationToken)
    {
        var key = (id, destination.Address);
        try
        {
            var answer = await dns.ResolveDestinationsAsync(new Dictionary<string, DestinationConfig> { [id] = destination }, cancellationToken);
            var named = answer.Destinations.Values.ToDictionary(config => $"{id}@{new Uri(config.Address).Host}", StringComparer.OrdinalIgnoreCase);
            lock (lastAnswers)
            {
                lastAnswers[key] = named;
            }

            return named;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            lock (lastAnswers)
            {
                var last = lastAnswers.GetValueOrDefault(key) ?? [];
                LogLookupFailed(logger, destination.Address, last.Count, exception.Message);
                return last;
            }
        }
    }
}
