using Liveness.Abstractions;
using McMaster.NETCore.Plugins;

namespace Liveness.Host.Plugins;

/// <summary>A plugin that loaded, warmed up and passed its self-test, with the model hashes it was given.</summary>
internal sealed class LoadedBackend(BackendManifest manifest, IModelBackend backend, PluginLoader loader) : IDisposable
{
    public BackendManifest Manifest { get; } = manifest;

    public IModelBackend Backend { get; } = backend;

    public DateTimeOffset LoadedAt { get; } = DateTimeOffset.UtcNow;

    public string Name => Manifest.Name;

    /// <summary>Name and version, as logged beside every request it answers.</summary>
    public string Label => $"{Manifest.Name}@{Manifest.Version}";

    public void Dispose()
    {
        Backend.Dispose();
        loader.Dispose();
    }
}
