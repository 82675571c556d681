namespace Liveness.Plugins.TorchBackend.Checkpoints;

/// <summary>The element type of a stored tensor, named by the storage class PyTorch pickles for it.</summary>
internal enum TensorElementType
{
    Float32,
    Float64,
    Float16,
    BFloat16,
    Int64,
    Int32,
    Int16,
    Int8,
    UInt8,
    Bool,
}

internal static class TensorElementTypes
{
    /// <summary>The storage classes of <c>torch</c> a checkpoint may name, by their pickled global name.</summary>
    public static IReadOnlyDictionary<string, TensorElementType> ByStorageClass { get; } = new Dictionary<string, TensorElementType>
    {
        ["torch.FloatStorage"] = TensorElementType.Float32,
        ["torch.DoubleStorage"] = TensorElementType.Float64,
        ["torch.HalfStorage"] = TensorElementType.Float16,
        ["torch.BFloat16Storage"] = TensorElementType.BFloat16,
        ["torch.LongStorage"] = TensorElementType.Int64,
        ["torch.IntStorage"] = TensorElementType.Int32,
        ["torch.ShortStorage"] = TensorElementType.Int16,
        ["torch.CharStorage"] = TensorElementType.Int8,
        ["torch.ByteStorage"] = TensorElementType.UInt8,
        ["torch.BoolStorage"] = TensorElementType.Bool,
    };

    /// <summary>Bytes per element.</summary>
    public static int Size(this TensorElementType type) => type switch
    {
        TensorElementType.Float64 or TensorElementType.Int64 => 8,
        TensorElementType.Float32 or TensorElementType.Int32 => 4,
        TensorElementType.Float16 or TensorElementType.BFloat16 or TensorElementType.Int16 => 2,
        _ => 1,
    };
}
