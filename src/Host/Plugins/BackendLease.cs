namespace Liveness.Host.Plugins;

/// <summary>One request's hold on the serving backends: none of them unloads until the request is done with it.</summary>
internal sealed class BackendLease : IDisposable
{
    private BackendLease(ServingBackends backends) => Backends = backends;

    public ServingBackends Backends { get; }

    /// <summary>Leases the backends that serve now, or returns null while none do.</summary>
    public static BackendLease? Take(Func<ServingBackends?> current)
    {
        while (current() is { } serving)
        {
            var held = new List<LoadedBackend>();
            foreach (var backend in serving.Roles)
            {
                if (!backend.TryAcquire())
                {
                    break;
                }

                held.Add(backend);
            }

            if (held.Count == serving.Roles.Count())
            {
                return new BackendLease(serving);
            }

            // One was swapped and unloaded between reading and leasing it: let go of the others and take the new set.
            held.ForEach(backend => backend.Release());
        }

        return null;
    }

    public void Dispose()
    {
        foreach (var backend in Backends.Roles)
        {
            backend.Release();
        }
    }
}
