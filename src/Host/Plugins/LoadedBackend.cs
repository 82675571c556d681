using Liveness.Abstractions;
using McMaster.NETCore.Plugins;

namespace Liveness.Host.Plugins;

/// <summary>
/// A plugin that loaded, warmed up and passed its self-test, in a load context of its own. Requests hold
/// leases on it; once it is retired (replaced or switched away from) it is unloaded when the last lease ends.
/// </summary>
internal sealed class LoadedBackend(BackendManifest manifest, IModelBackend backend, PluginLoader loader, string folder, string fingerprint)
{
    /// <summary>Leases held, or -1 once unloaded.</summary>
    private int leases;
    private int retired;

    public BackendManifest Manifest { get; } = manifest;

    public IModelBackend Backend { get; } = backend;

    public string Folder { get; } = folder;

    /// <summary>What the plugin folder looked like when this was loaded; a different one means a reload is due.</summary>
    public string Fingerprint { get; } = fingerprint;

    public DateTimeOffset LoadedAt { get; } = DateTimeOffset.UtcNow;

    public string Name => Manifest.Name;

    /// <summary>Name and version, as logged beside every request it answers.</summary>
    public string Label => $"{Manifest.Name}@{Manifest.Version}";

    /// <summary>False once unloaded: the caller must take the newer snapshot instead.</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var held = Volatile.Read(ref leases);
            if (held < 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref leases, held + 1, held) == held)
            {
                return true;
            }
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref leases) == 0 && Volatile.Read(ref retired) == 1)
        {
            UnloadIfIdle();
        }
    }

    /// <summary>No new request will get this backend; it unloads as soon as the requests on it have finished.</summary>
    public void Retire()
    {
        Volatile.Write(ref retired, 1);
        UnloadIfIdle();
    }

    private void UnloadIfIdle()
    {
        if (Interlocked.CompareExchange(ref leases, -1, 0) == 0)
        {
            Backend.Dispose();
            loader.Dispose();
        }
    }
}
