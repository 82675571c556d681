using System.Runtime.InteropServices;

namespace Liveness.Plugins.TorchBackend.Checkpoints;

/// <summary>One tensor of a state dict: its element type, shape and elements in row-major order.</summary>
/// <param name="Data">The elements' bytes, little endian as stored (and as on every platform this builds for).</param>
internal sealed record CheckpointTensor(TensorElementType ElementType, long[] Shape, byte[] Data)
{
    public float[] ToSingles() => As<float>(TensorElementType.Float32);

    public long[] ToInt64s() => As<long>(TensorElementType.Int64);

    private T[] As<T>(TensorElementType type)
        where T : struct =>
        ElementType == type
            ? MemoryMarshal.Cast<byte, T>(Data).ToArray()
            : throw new InvalidOperationException($"The tensor holds {ElementType}, not {type}.");
}
