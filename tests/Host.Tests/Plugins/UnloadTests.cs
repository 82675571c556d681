using System.Net;
using System.Runtime.CompilerServices;

namespace Liveness.Host.Tests.Plugins;

[CollectionDefinition(nameof(UnloadCollection), DisableParallelization = true)]
public sealed class UnloadCollection;

/// <summary>Replaced backends really unload: memory and loaded assemblies do not grow with reloads.</summary>
[Collection(nameof(UnloadCollection))]
public sealed class UnloadTests
{
    [Fact]
    public async Task Twenty_reload_cycles_leave_managed_memory_and_assembly_count_within_ten_percent_of_the_first()
    {
        using var plugins = new PluginDirectory("onnx");
        await using var server = await LivenessServer.StartAsync(plugins.Settings(("Backends:WatchForChanges", "false")));
        var video = File.ReadAllBytes(SharedFiles.Video("debian_kphotoalbum_movie.avi"));
        // Requests grow buffer pools (Kestrel's, the shared array pools, per thread) that keep what they grew; let
        // them reach their size first, and reload without requests, so what is measured is what reloads leave behind.
        for (var i = 0; i < 5; i++)
        {
            var burst = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => server.Client.PostVideoAsync(video)));
            Array.ForEach(burst, response => response.Dispose());
        }

        await ReloadAsync(server, plugins);
        var (memoryAfterFirst, assembliesAfterFirst) = Measure();
        for (var cycle = 2; cycle <= 20; cycle++)
        {
            await ReloadAsync(server, plugins);
        }

        var (memoryAfterLast, assembliesAfterLast) = Measure();
        using var served = await server.Client.PostVideoAsync(video);

        Assert.InRange(assembliesAfterLast, 0, assembliesAfterFirst * 1.1);
        Assert.InRange(memoryAfterLast, 0, memoryAfterFirst * 1.1);
        // Sharper than the 10%: the serving copy of the plugin, and at most one replaced copy not yet collected.
        Assert.InRange(AppDomain.CurrentDomain.GetAssemblies().Count(assembly => assembly.GetName().Name == "Liveness.Plugins.OnnxBackend"), 1, 2);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    /// <summary>Touches the plugin so the rescan loads a new copy and retires the old one.</summary>
    private static async Task ReloadAsync(LivenessServer server, PluginDirectory plugins)
    {
        var loads = (await server.BackendsAsync()).Loads("onnx");
        File.SetLastWriteTimeUtc(plugins.AssemblyOf("onnx"), DateTime.UtcNow);
        using var reload = await server.ReloadAsync();
        Assert.Equal(HttpStatusCode.OK, reload.StatusCode);
        Assert.Equal(loads + 1, (await server.BackendsAsync()).Loads("onnx"));
    }

    /// <summary>
    /// Live managed bytes after full collections, without the pinned object heap: that heap holds Kestrel's and
    /// the sockets' pinned I/O buffers, which grow and shrink with network traffic; no plugin allocates there.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (long Memory, int Assemblies) Measure()
    {
        for (var i = 0; i < 10; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heaps = GC.GetGCMemoryInfo(GCKind.FullBlocking).GenerationInfo;
        var live = 0L;
        for (var generation = 0; generation < heaps.Length; generation++)
        {
            if (generation != 4)
            {
                live += heaps[generation].SizeAfterBytes - heaps[generation].FragmentationAfterBytes;
            }
        }

        return (live, AppDomain.CurrentDomain.GetAssemblies().Length);
    }
}
