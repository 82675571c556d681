namespace Liveness.Host.Models;

/// <summary>A pinned model could not be had: missing everywhere, or failing its checksum.</summary>
internal sealed class ModelUnavailableException(string message) : Exception(message);
