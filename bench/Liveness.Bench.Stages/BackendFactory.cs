using System.Text.Json;
using System.Text.Json.Serialization;
using Liveness.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Liveness.Bench.Stages;

/// <summary>Creates a backend as the host does: with the models its <c>plugin.json</c> pins, from the shared mirror.</summary>
internal static class BackendFactory
{
    public static IModelBackend Create(IBackendFactory factory, string project)
    {
        var manifest = JsonSerializer.Deserialize<BackendManifest>(
            File.ReadAllText(Path.Combine(Folders.Plugin(project), "plugin.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } })!;
        var models = manifest.Models.ToDictionary(model => model.Name, model => Path.Combine(Folders.Models, model.Name));
        return factory.Create(new BackendContext(models, Folders.Plugin(project), "cpu", NullLoggerFactory.Instance));
    }
}
