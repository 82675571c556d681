using Microsoft.Extensions.Configuration;

namespace Liveness.Host.Tests.Deploy;

/// <summary>
/// What one container of a manifest is configured with, in the host's order: an <c>appsettings.*.json</c> it is
/// given, under the image's <c>ENV</c>, under the container's own environment.
/// </summary>
internal sealed class ContainerSettings
{
    private readonly IConfiguration configuration;

    public ContainerSettings(IReadOnlyDictionary<string, string> environment, string? appSettingsFile = null)
    {
        var builder = new ConfigurationBuilder();
        if (appSettingsFile is not null)
        {
            builder.AddJsonFile(appSettingsFile);
        }

        configuration = builder
            .AddInMemoryCollection(Keys(Dockerfile.Load().Runtime.Environment()))
            .AddInMemoryCollection(Keys(environment))
            .Build();
        Own = (appSettingsFile is null ? [] : new ConfigurationBuilder().AddJsonFile(appSettingsFile).Build().AsEnumerable()
                .Where(pair => pair.Value is not null).Select(pair => pair.Key))
            .Concat(environment.Keys.Select(HostSettings.KeyOf))
            .ToList();
    }

    /// <summary>The keys this manifest sets itself (the image's are checked with the Dockerfile).</summary>
    public IReadOnlyList<string> Own { get; }

    public string? this[string key] => configuration[key];

    public ListenerOptions Listeners => ListenerOptions.From(configuration);

    /// <summary>The ports of the listeners that are on.</summary>
    public IEnumerable<int> ListeningPorts => new[] { Listeners.Front, Listeners.Pipeline, Listeners.Admin }
        .Where(url => url.Length > 0).Select(url => new Uri(url).Port);

    public int AdminPort => new Uri(Listeners.Admin).Port;

    public int PipelinePort => new Uri(Listeners.Pipeline).Port;

    public IReadOnlyDictionary<string, string> All => configuration.AsEnumerable()
        .Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => pair.Value!);

    private static IEnumerable<KeyValuePair<string, string?>> Keys(IReadOnlyDictionary<string, string> environment) =>
        environment.Select(pair => KeyValuePair.Create(HostSettings.KeyOf(pair.Key), (string?)pair.Value));
}
