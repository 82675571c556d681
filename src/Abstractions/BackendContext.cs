using Microsoft.Extensions.Logging;

namespace Liveness.Abstractions;

/// <summary>What the host hands a backend when it creates it: verified model paths and logging.</summary>
/// <param name="ModelPaths">Model file name (as in the manifest) to the absolute path of a verified copy.</param>
/// <param name="PluginDirectory">The plugin's own folder (with hot reload, <c>Assembly.Location</c> is empty).</param>
/// <param name="Device"><c>cpu</c> or <c>cuda</c>; a backend that cannot use the device falls back to CPU and logs it.</param>
public sealed record BackendContext(
    IReadOnlyDictionary<string, string> ModelPaths,
    string PluginDirectory,
    string Device,
    ILoggerFactory LoggerFactory);
