using Liveness.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Liveness.Bench.Stages;

/// <summary>Creates a backend as the host does: with the models its <c>plugin.json</c> pins, from the shared mirror.</summary>
internal static class BackendFactory
{
    public static IModelBackend Create(IBackendFactory factory, string project)
    {
        var manifest = BackendManifest.Parse(File.ReadAllText(Path.Combine(Folders.Plugin(project), "plugin.json")));
        var models = manifest.Models.ToDictionary(model => model.Name, model => Path.Combine(Folders.Models, model.Name));
        return factory.Create(new BackendContext(models, Folders.Plugin(project), "cpu", NullLoggerFactory.Instance));
    }
}
