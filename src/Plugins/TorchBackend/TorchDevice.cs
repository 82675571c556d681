using Microsoft.Extensions.Logging;
using TorchSharp;
using static TorchSharp.torch;

namespace Liveness.Plugins.TorchBackend;

/// <summary>Picks the device the networks run on from the one the host asks for.</summary>
internal static partial class TorchDevice
{
    public static Device Select(string requested, ILogger logger)
    {
        if (!string.Equals(requested, "cuda", StringComparison.OrdinalIgnoreCase))
        {
            return CPU;
        }

        if (cuda.is_available())
        {
            return CUDA;
        }

        LogCpuFallback(logger);
        return CPU;
    }
}
