namespace Liveness.Plugins.TorchBackend.Checkpoints;

/// <summary>A tensor as pickled by <c>torch._utils._rebuild_tensor_v2</c>: a strided view of a storage.</summary>
/// <param name="Offset">The view's first element, in elements from the start of the storage.</param>
internal sealed record TensorReference(StorageReference Storage, long Offset, long[] Shape, long[] Stride)
{
    /// <summary>The view's elements copied out of <paramref name="storage"/> in row-major order.</summary>
    /// <param name="storage">The storage's bytes, little endian.</param>
    public CheckpointTensor Read(ReadOnlySpan<byte> storage)
    {
        var elementSize = Storage.ElementType.Size();
        var count = Shape.Aggregate(1L, (product, size) => product * size);
        var data = new byte[count * elementSize];
        if (count == 0)
        {
            return new CheckpointTensor(Storage.ElementType, Shape, data);
        }

        var last = Offset + Shape.Zip(Stride, (size, stride) => (size - 1) * stride).Sum();
        if (Offset < 0 || Stride.Any(stride => stride < 0) || last >= storage.Length / elementSize)
        {
            throw new InvalidDataException(
                $"a tensor of shape [{string.Join(", ", Shape)}] reaches element {last} of storage '{Storage.Key}', which holds {storage.Length / elementSize}");
        }

        // Walk the index like an odometer, last dimension fastest: row-major order, whatever the strides.
        var index = new long[Shape.Length];
        for (long written = 0; written < count; written++)
        {
            var element = Offset;
            for (var d = 0; d < index.Length; d++)
            {
                element += index[d] * Stride[d];
            }

            storage.Slice((int)(element * elementSize), elementSize).CopyTo(data.AsSpan((int)(written * elementSize)));
            for (var d = index.Length - 1; d >= 0 && ++index[d] == Shape[d]; d--)
            {
                index[d] = 0;
            }
        }

        return new CheckpointTensor(Storage.ElementType, Shape, data);
    }
}
