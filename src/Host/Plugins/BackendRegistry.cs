using Liveness.Abstractions;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Plugins;

/// <summary>
/// The loaded backends and those that serve each role now. A new or changed plugin folder is loaded side by side,
/// warmed up and self-tested; only then does it replace its predecessor, atomically, in every role the
/// predecessor served. Requests keep the backends they leased; a replaced backend unloads when they are done.
/// A plugin that fails to load is not activated and whatever served before goes on serving.
/// </summary>
internal sealed partial class BackendRegistry(
    BackendLoader loader,
    IOptions<BackendOptions> options,
    ILogger<BackendRegistry> logger) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim changes = new(1, 1);
    private readonly Dictionary<string, LoadedBackend> loaded = [];
    private readonly Dictionary<string, PluginHistory> history = [];
    private volatile ServingBackends? serving;

    /// <summary>The backends serving now, or null while none is ready.</summary>
    public ServingBackends? Serving => serving;

    /// <summary>After every change of what is loaded or what serves: the loaded backends and those serving. Raised under the registry's lock.</summary>
    public event Action<IReadOnlyCollection<LoadedBackend>, ServingBackends?>? Changed;

    /// <summary>After every attempt to load a plugin folder: the backend's name (the folder's when it failed) and whether it loaded.</summary>
    public event Action<string, bool>? LoadAttempted;

    /// <summary>A hold on the serving backends for one request, or null while none is ready.</summary>
    public BackendLease? Lease() => BackendLease.Take(() => serving);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await ScanAsync(cancellationToken);
        try
        {
            await ActivateAsync(options.Value.Detector, options.Value.Classifier, options.Value.SceneDetector, cancellationToken);
        }
        catch (BackendSelectionException e)
        {
            LogNotReady(logger, e.Message);
        }
    }

    /// <summary>The loaded backends and what loading each plugin folder has come to, for the admin API.</summary>
    public async Task<(IReadOnlyList<LoadedBackend> Loaded, IReadOnlyDictionary<string, PluginHistory> History)> SnapshotAsync(CancellationToken cancellationToken)
    {
        await changes.WaitAsync(cancellationToken);
        try
        {
            return (loaded.Values.OrderBy(backend => backend.Name, StringComparer.Ordinal).ToList(), new Dictionary<string, PluginHistory>(history));
        }
        finally
        {
            changes.Release();
        }
    }

    /// <summary>Loads every plugin folder that is new or has changed since it was loaded, and forgets removed ones that do not serve.</summary>
    public async Task ScanAsync(CancellationToken cancellationToken)
    {
        await changes.WaitAsync(cancellationToken);
        try
        {
            var folders = PluginFolders();
            foreach (var folder in folders)
            {
                var fingerprint = PluginFingerprint.Of(folder);
                if (!loaded.Values.Any(backend => backend.Folder == folder && backend.Fingerprint == fingerprint))
                {
                    await LoadAsync(folder, fingerprint, cancellationToken);
                }
            }

            foreach (var gone in loaded.Values.Where(backend => !folders.Contains(backend.Folder)).ToList())
            {
                if (serving?.Serves(gone) == true)
                {
                    LogRemovedWhileServing(logger, gone.Label);
                    continue;
                }

                loaded.Remove(gone.Name);
                gone.Retire();
                Changed?.Invoke(loaded.Values, serving);
            }
        }
        finally
        {
            changes.Release();
        }
    }

    /// <summary>
    /// Switches the roles, each independently (null keeps the current one; for the scene detector, empty serves none);
    /// returns once the new set serves.
    /// </summary>
    public async Task<ServingBackends> ActivateAsync(string? detector, string? classifier, string? sceneDetector, CancellationToken cancellationToken)
    {
        await changes.WaitAsync(cancellationToken);
        try
        {
            var next = new ServingBackends(
                Pick(detector, BackendRole.Detector, serving?.DetectorBackend),
                Pick(classifier, BackendRole.Classifier, serving?.ClassifierBackend),
                sceneDetector switch
                {
                    "" => null,
                    null => serving?.SceneDetectorBackend,
                    _ => Pick(sceneDetector, BackendRole.SceneDetector, current: null),
                });
            Serve(next);
            return next;
        }
        finally
        {
            changes.Release();
        }
    }

    private async Task LoadAsync(string folder, string fingerprint, CancellationToken cancellationToken)
    {
        var key = Path.GetFileName(folder);
        try
        {
            var fresh = await loader.LoadAsync(folder, fingerprint, cancellationToken);
            var previous = loaded.GetValueOrDefault(fresh.Name);
            loaded[fresh.Name] = fresh;
            if (serving is { } current && previous is not null && current.Serves(previous))
            {
                Serve(current.Replace(previous, fresh));
            }

            previous?.Retire();
            history[key] = history.GetValueOrDefault(key, PluginHistory.None).Success();
            LoadAttempted?.Invoke(fresh.Name, true);
            Changed?.Invoke(loaded.Values, serving);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            history[key] = history.GetValueOrDefault(key, PluginHistory.None).Failure(e.Message);
            LoadAttempted?.Invoke(key, false);
            LogRejected(logger, folder, e.Message);
        }
    }

    private LoadedBackend Pick(string? name, BackendRole role, LoadedBackend? current)
    {
        if (name is null)
        {
            return current ?? throw new BackendSelectionException($"no {role} is serving yet: name one");
        }

        if (!loaded.TryGetValue(name, out var backend))
        {
            throw new BackendSelectionException($"no backend named '{name}' is loaded (loaded: {string.Join(", ", loaded.Keys)})");
        }

        return backend.Manifest.Roles.Contains(role)
            ? backend
            : throw new BackendSelectionException($"backend '{name}' does not fill the {role} role");
    }

    private void Serve(ServingBackends next)
    {
        serving = next;
        Changed?.Invoke(loaded.Values, next);
        LogServing(logger, next.DetectorBackend.Label, next.ClassifierBackend.Label, next.SceneDetectorBackend?.Label ?? "none");
    }

    private List<string> PluginFolders()
    {
        var root = options.Value.ResolvePluginDirectory();
        return Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Where(folder => File.Exists(Path.Combine(folder, BackendLoader.ManifestFile)))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        serving = null;
        foreach (var backend in loaded.Values)
        {
            backend.Retire();
        }

        loaded.Clear();
    }
}
