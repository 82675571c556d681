using Microsoft.Extensions.Options;

namespace Liveness.Host.Plugins;

/// <summary>The loaded backends and the pair that serves now; the host's single source of truth for readiness.</summary>
internal sealed partial class BackendRegistry(
    BackendLoader loader,
    IOptions<BackendOptions> options,
    ILogger<BackendRegistry> logger) : IHostedService, IDisposable
{
    private readonly Dictionary<string, LoadedBackend> loaded = [];
    private volatile ServingBackends? serving;

    /// <summary>The backends serving now, or null while none is ready.</summary>
    public ServingBackends? Serving => serving;

    public IReadOnlyCollection<LoadedBackend> Loaded => loaded.Values;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var root = options.Value.ResolvePluginDirectory();
        var folders = Directory.Exists(root)
            ? Directory.GetDirectories(root).Where(folder => File.Exists(Path.Combine(folder, BackendLoader.ManifestFile)))
            : [];
        foreach (var folder in folders.Order(StringComparer.Ordinal))
        {
            try
            {
                var backend = await loader.LoadAsync(folder, cancellationToken);
                loaded[backend.Name] = backend;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRejected(logger, folder, e.Message);
            }
        }

        Activate(options.Value.Detector, options.Value.Classifier);
    }

    private void Activate(string detector, string classifier)
    {
        if (loaded.TryGetValue(detector, out var detectorBackend) && detectorBackend.Backend.Detector is not null
            && loaded.TryGetValue(classifier, out var classifierBackend) && classifierBackend.Backend.Classifier is not null)
        {
            serving = new ServingBackends(detectorBackend, classifierBackend);
            LogServing(logger, detectorBackend.Label, classifierBackend.Label);
            return;
        }

        LogNotReady(logger, detector, classifier, string.Join(", ", loaded.Keys));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        serving = null;
        foreach (var backend in loaded.Values)
        {
            backend.Dispose();
        }

        loaded.Clear();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Backend plugin in {Folder} was rejected and is not served: {Reason}")]
    private static partial void LogRejected(ILogger logger, string folder, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving detector {Detector} and classifier {Classifier}")]
    private static partial void LogServing(ILogger logger, string detector, string classifier);

    [LoggerMessage(Level = LogLevel.Critical, Message = "No backend is ready: detector {Detector} and classifier {Classifier} are wanted, loaded are [{Loaded}]; requests get 4007 until one is")]
    private static partial void LogNotReady(ILogger logger, string detector, string classifier, string loaded);
}
