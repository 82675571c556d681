using Microsoft.Extensions.Logging;

namespace Liveness.Plugins.TorchBackend;

internal static partial class TorchDevice
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "CUDA was asked for but libtorch sees no CUDA device (a CPU build, built without -p:LivenessGpu=true, or no driver); the Torch models run on the CPU")]
    private static partial void LogCpuFallback(ILogger logger);
}
