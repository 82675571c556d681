namespace Liveness.Plugins.TorchBackend.Checkpoints;

/// <summary>
/// Reads the state dict from a file written by <c>torch.save</c>, in the zip format of PyTorch 1.6 and later or the
/// legacy format before it, without Python and without running anything the file names.
/// </summary>
internal static class TorchCheckpoint
{
    /// <summary>The file's tensors by name, in the order they were saved.</summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint this reader understands, or is refused.</exception>
    public static IReadOnlyDictionary<string, CheckpointTensor> Read(string path)
    {
        try
        {
            return Read(File.ReadAllBytes(path));
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    /// <inheritdoc cref="Read(string)"/>
    public static IReadOnlyDictionary<string, CheckpointTensor> Read(byte[] file) =>
        file.AsSpan().StartsWith("PK\x03\x04"u8) ? ZipCheckpoint.Read(file) : LegacyCheckpoint.Read(file);

    /// <summary>The tensors of an unpickled state dict, each read out of its storage's bytes.</summary>
    internal static IReadOnlyDictionary<string, CheckpointTensor> StateDict(object? root, Func<StorageReference, ReadOnlyMemory<byte>> storageBytes)
    {
        if (root is not OrderedDictionary<object, object?> entries)
        {
            throw new InvalidDataException($"the checkpoint holds {Describe(root)}, not a state dict");
        }

        var tensors = new OrderedDictionary<string, CheckpointTensor>();
        foreach (var (key, value) in entries)
        {
            if (key is not string name || value is not TensorReference tensor)
            {
                throw new InvalidDataException(
                    $"entry '{key}' of the checkpoint is {Describe(value)}, not a tensor: the file is not a bare state dict");
            }

            tensors.Add(name, tensor.Read(storageBytes(tensor.Storage).Span));
        }

        return tensors;
    }

    /// <summary>What an unpickled value was in Python, for error messages.</summary>
    private static string Describe(object? value) => value switch
    {
        null => "None",
        bool => "a bool",
        long or System.Numerics.BigInteger => "an integer",
        double => "a float",
        string => "a string",
        byte[] => "bytes",
        OrderedDictionary<object, object?> => "a dict",
        List<object?> => "a list",
        object?[] => "a tuple",
        TensorReference => "a tensor",
        _ => "a class",
    };
}
