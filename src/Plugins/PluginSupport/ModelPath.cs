using Liveness.Abstractions;

namespace Liveness.Plugins.PluginSupport;

/// <summary>Finds the file the host resolved for a model named in the plugin's manifest.</summary>
public static class ModelPath
{
    public static string Of(BackendContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ModelPaths.TryGetValue(name, out var path)
            ? path
            : throw new ArgumentException($"The host passed no path for model '{name}'.", nameof(context));
    }
}
