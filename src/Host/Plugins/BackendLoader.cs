using Liveness.Abstractions;
using Liveness.Host.Models;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.Options;

namespace Liveness.Host.Plugins;

/// <summary>Loads one plugin folder: reads its manifest, resolves its pinned models, loads it in its own context, warms it up and self-tests it.</summary>
internal sealed partial class BackendLoader(
    ModelStore models,
    IOptions<BackendOptions> options,
    ILoggerFactory loggerFactory,
    ILogger<BackendLoader> logger)
{
    public const string ManifestFile = "plugin.json";

    public async Task<LoadedBackend> LoadAsync(string folder, string fingerprint, CancellationToken cancellationToken)
    {
        var manifest = await ReadManifestAsync(folder, cancellationToken);
        var modelPaths = new Dictionary<string, string>();
        foreach (var model in manifest.Models)
        {
            modelPaths[model.Name] = await models.ResolveAsync(model, cancellationToken);
        }

        var assembly = ConfinedPath.Resolve(folder, manifest.Assembly)
            ?? throw new InvalidDataException($"plugin {manifest.Name} names assembly '{manifest.Assembly}' outside its folder: refused");
        var loader = PluginLoader.CreateFromAssemblyFile(
            assembly,
            sharedTypes: [typeof(IBackendFactory), typeof(ILoggerFactory)],
            config =>
            {
                config.PreferSharedTypes = true;
                // Its own collectible context, read from a copy in memory: the files can be overwritten while it serves.
                config.IsUnloadable = true;
                config.LoadInMemory = true;
            });
        IModelBackend? backend = null;
        try
        {
            var factoryType = loader.LoadDefaultAssembly().GetExportedTypes()
                .SingleOrDefault(type => typeof(IBackendFactory).IsAssignableFrom(type) && !type.IsAbstract)
                ?? throw new InvalidOperationException($"plugin {manifest.Name} exports no {nameof(IBackendFactory)}");
            var factory = (IBackendFactory)Activator.CreateInstance(factoryType)!;
            backend = factory.Create(new BackendContext(modelPaths, folder, options.Value.Device, loggerFactory));
            CheckRoles(manifest, backend);
            backend.WarmUp();
            var selfTest = backend.SelfTest();
            if (!selfTest.Passed)
            {
                throw new InvalidOperationException($"plugin {manifest.Name} failed its self-test: {selfTest.Detail}");
            }

            LogLoaded(logger, manifest.Name, manifest.Version, selfTest.Detail);
            return new LoadedBackend(manifest, backend, loader, folder, fingerprint);
        }
        catch
        {
            backend?.Dispose();
            loader.Dispose();
            throw;
        }
    }

    private static async Task<BackendManifest> ReadManifestAsync(string folder, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(Path.Combine(folder, ManifestFile));
        return await BackendManifest.ReadAsync(stream, cancellationToken);
    }

    private static void CheckRoles(BackendManifest manifest, IModelBackend backend)
    {
        if (manifest.Roles.Contains(BackendRole.Detector) != (backend.Detector is not null)
            || manifest.Roles.Contains(BackendRole.Classifier) != (backend.Classifier is not null)
            || manifest.Roles.Contains(BackendRole.SceneDetector) != (backend.SceneDetector is not null))
        {
            throw new InvalidOperationException($"plugin {manifest.Name} does not fill the roles its manifest declares");
        }
    }
}
