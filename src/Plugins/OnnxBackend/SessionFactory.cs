using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Liveness.Plugins.OnnxBackend;

/// <summary>Opens ONNX Runtime sessions fitted to a small server that answers several requests at once.</summary>
internal sealed partial class SessionFactory
{
    private const string CudaProvider = "CUDAExecutionProvider";

    private readonly bool _useCuda;

    public SessionFactory(string device, ILogger logger)
    {
        _useCuda = string.Equals(device, "cuda", StringComparison.OrdinalIgnoreCase) && CudaUsable(logger);
    }

    public InferenceSession Open(string modelPath)
    {
        // The session keeps what it needs from the options, so they can go once it is built.
        using var options = new SessionOptions
        {
            // Concurrency comes from requests running side by side, not from threads inside one run:
            // on two cores, per-run thread pools would only contend with each other.
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // ONNX Runtime writes to stderr, outside the host's logging; its warnings here are only
            // about initialisers the exported BlazeFace graph leaves unused.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        if (_useCuda)
        {
            options.AppendExecutionProvider_CUDA(0);
        }

        return new InferenceSession(modelPath, options);
    }

    private static bool CudaUsable(ILogger logger)
    {
        if (!OrtEnv.Instance().GetAvailableProviders().Contains(CudaProvider))
        {
            LogCpuFallback(logger, "this ONNX Runtime build has no CUDA execution provider");
            return false;
        }

        try
        {
            // The provider can be compiled in yet fail to load (no driver, no cuDNN): find out once, here.
            using var probe = new SessionOptions();
            probe.AppendExecutionProvider_CUDA(0);
            return true;
        }
        catch (OnnxRuntimeException ex)
        {
            LogCpuFallback(logger, ex.Message);
            return false;
        }
    }
}
