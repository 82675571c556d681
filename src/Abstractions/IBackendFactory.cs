namespace Liveness.Abstractions;

/// <summary>The entry point of a backend plugin: the host finds the one public implementation in the plugin's assembly.</summary>
/// <remarks>Implementations need a public parameterless constructor.</remarks>
public interface IBackendFactory
{
    IModelBackend Create(BackendContext context);
}
