using System.Buffers;
using Microsoft.ML.OnnxRuntime;

namespace Liveness.Plugins.OnnxBackend;

/// <summary>An ONNX Runtime session with one float input of fixed shape, run from several threads at once.</summary>
internal sealed class OnnxModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly long[] _inputShape;
    private readonly string[] _outputNames;

    public OnnxModel(InferenceSession session, string inputName, long[] inputShape, string[] outputNames)
    {
        _session = session;
        _inputNames = [inputName];
        _inputShape = inputShape;
        _outputNames = outputNames;
        InputLength = (int)inputShape.Aggregate(1L, (product, dimension) => product * dimension);
    }

    /// <summary>The number of floats in the input tensor.</summary>
    public int InputLength { get; }

    /// <summary>
    /// Runs the model once: <paramref name="fill"/> writes the first <see cref="InputLength"/> floats of a pooled input
    /// buffer, <paramref name="read"/> reads the outputs (in the order of the output names given at construction)
    /// before they are freed.
    /// </summary>
    public T Infer<T>(Action<float[]> fill, Func<IReadOnlyList<OrtValue>, T> read)
    {
        var input = ArrayPool<float>.Shared.Rent(InputLength);
        try
        {
            fill(input);
            using var tensor = OrtValue.CreateTensorValueFromMemory(
                OrtMemoryInfo.DefaultInstance, input.AsMemory(0, InputLength), _inputShape);
            using var outputs = _session.Run(_runOptions, _inputNames, [tensor], _outputNames);
            return read(outputs);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
        }
    }

    /// <summary>Why the loaded file does not have the inputs and outputs this model expects, or null when it does.</summary>
    public string? SignatureMismatch()
    {
        if (!_session.InputMetadata.TryGetValue(_inputNames[0], out var input))
        {
            return $"no input '{_inputNames[0]}' (it has {string.Join(", ", _session.InputMetadata.Keys)})";
        }

        // A dynamic dimension (-1) accepts any size.
        var dimensions = input.Dimensions;
        if (dimensions.Length != _inputShape.Length
            || dimensions.Where((dimension, i) => dimension >= 0 && dimension != _inputShape[i]).Any())
        {
            return $"input '{_inputNames[0]}' is [{string.Join(",", dimensions)}], not [{string.Join(",", _inputShape)}]";
        }

        var missing = _outputNames.Where(name => !_session.OutputMetadata.ContainsKey(name)).ToList();
        return missing.Count == 0 ? null : $"no output {string.Join(", ", missing)}";
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }
}
