namespace Liveness.Plugins.TorchBackend.Checkpoints;

/// <summary>A storage a pickled tensor points at by key; its bytes lie outside the pickle.</summary>
/// <param name="ElementCount">The storage's length in elements, as pickled with it.</param>
internal sealed record StorageReference(string Key, TensorElementType ElementType, long ElementCount)
{
    public long ByteCount => ElementCount * ElementType.Size();
}
