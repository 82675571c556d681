namespace Liveness.Host.Plugins;

/// <summary>One request's hold on the serving pair: neither backend unloads until the request is done with it.</summary>
internal sealed class BackendLease : IDisposable
{
    private BackendLease(ServingBackends backends) => Backends = backends;

    public ServingBackends Backends { get; }

    /// <summary>Leases the pair that serves now, or returns null while none does.</summary>
    public static BackendLease? Take(Func<ServingBackends?> current)
    {
        while (current() is { } serving)
        {
            if (serving.DetectorBackend.TryAcquire())
            {
                if (serving.ClassifierBackend.TryAcquire())
                {
                    return new BackendLease(serving);
                }

                serving.DetectorBackend.Release();
            }

            // The pair was swapped and unloaded between reading and leasing it: take the new one.
        }

        return null;
    }

    public void Dispose()
    {
        Backends.ClassifierBackend.Release();
        Backends.DetectorBackend.Release();
    }
}
