using Microsoft.Extensions.Options;

namespace Liveness.Host.Plugins;

/// <summary>
/// Watches the plugin directory and rescans once changes have settled: copying a new DLL or manifest over an
/// old one (in place) or touching it reloads that plugin, a new folder adds one.
/// </summary>
internal sealed partial class PluginWatcher(
    BackendRegistry registry,
    IOptions<BackendOptions> options,
    ILogger<PluginWatcher> logger) : IHostedService, IDisposable
{
    private FileSystemWatcher? watcher;
    private Timer? settle;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var root = options.Value.ResolvePluginDirectory();
        if (!options.Value.WatchForChanges || !Directory.Exists(root))
        {
            return Task.CompletedTask;
        }

        settle = new Timer(_ => _ = RescanAsync());
        watcher = new FileSystemWatcher(root)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Changed += (_, _) => Postpone();
        watcher.Created += (_, _) => Postpone();
        watcher.Deleted += (_, _) => Postpone();
        watcher.Renamed += (_, _) => Postpone();
        watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    /// <summary>A copy raises many events; scan once they have stopped for the settle time.</summary>
    private void Postpone() => settle?.Change(options.Value.ReloadSettleTime, Timeout.InfiniteTimeSpan);

    private async Task RescanAsync()
    {
        try
        {
            await registry.ScanAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            LogScanFailed(logger, e);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        watcher?.Dispose();
        watcher = null;
        settle?.Dispose();
        settle = null;
    }
}
