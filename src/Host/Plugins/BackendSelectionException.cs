namespace Liveness.Host.Plugins;

/// <summary>A role was asked of a backend that is not loaded or does not fill it.</summary>
internal sealed class BackendSelectionException(string message) : Exception(message);
