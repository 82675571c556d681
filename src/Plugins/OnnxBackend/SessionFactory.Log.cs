using Microsoft.Extensions.Logging;

namespace Liveness.Plugins.OnnxBackend;

internal sealed partial class SessionFactory
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "CUDA was asked for but cannot be used ({Reason}); the ONNX models run on the CPU")]
    private static partial void LogCpuFallback(ILogger logger, string reason);
}
