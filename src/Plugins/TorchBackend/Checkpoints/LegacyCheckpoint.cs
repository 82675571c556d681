using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;

namespace Liveness.Plugins.TorchBackend.Checkpoints;

/// <summary>
/// The format of <c>torch.save</c> before PyTorch 1.6: five pickles (magic number, protocol version, system
/// information, the object, the keys of its storages), then each listed storage as its element count (8 bytes,
/// little endian) followed by its elements.
/// </summary>
internal static class LegacyCheckpoint
{
    private const long ProtocolVersion = 1001;

    private static readonly BigInteger MagicNumber = BigInteger.Parse("1950a86a20f9469cfc6c", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    public static IReadOnlyDictionary<string, CheckpointTensor> Read(byte[] file)
    {
        if (file.Length == 0 || file[0] != (byte)PickleOpcode.Proto)
        {
            throw new InvalidDataException("not a PyTorch checkpoint: neither a zip archive nor a sequence of pickles");
        }

        var pickles = new RestrictedUnpickler(file);
        if (pickles.Load() is not BigInteger magic || magic != MagicNumber)
        {
            throw new InvalidDataException("not a PyTorch checkpoint: the first pickle is not torch.save's magic number");
        }

        var version = pickles.Load();
        if (version is not ProtocolVersion)
        {
            throw new InvalidDataException($"legacy checkpoint protocol {version ?? "None"}, not {ProtocolVersion}");
        }

        if (pickles.Load() is not OrderedDictionary<object, object?> system || !Equals(system.GetValueOrDefault("little_endian"), true))
        {
            throw new InvalidDataException("the checkpoint was not saved on a little-endian machine");
        }

        var stateDict = pickles.Load();
        if (pickles.Load() is not List<object?> keys || !keys.All(key => key is string))
        {
            throw new InvalidDataException("the pickle after the state dict is not the list of storage keys");
        }

        var storages = ReadStorages(file, pickles.Position, keys.Cast<string>(), pickles.Storages);
        return TorchCheckpoint.StateDict(stateDict, storage => storages[storage.Key]);
    }

    private static Dictionary<string, ReadOnlyMemory<byte>> ReadStorages(
        byte[] file, int position, IEnumerable<string> keys, IReadOnlyDictionary<string, StorageReference> referenced)
    {
        var storages = new Dictionary<string, ReadOnlyMemory<byte>>();
        foreach (var key in keys)
        {
            // Only a tensor's pickle says what a storage's elements are, hence how many bytes it spans.
            if (!referenced.TryGetValue(key, out var storage))
            {
                throw new InvalidDataException($"storage '{key}' is listed, but no tensor uses it");
            }

            if (file.Length - position < sizeof(long))
            {
                throw new InvalidDataException($"the file ends before storage '{key}'");
            }

            var count = BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(position));
            position += sizeof(long);
            if (count != storage.ElementCount)
            {
                throw new InvalidDataException($"storage '{key}' holds {count} elements, not the {storage.ElementCount} its tensors were saved with");
            }

            if (storage.ByteCount > file.Length - position)
            {
                throw new InvalidDataException($"the file ends inside storage '{key}'");
            }

            storages[key] = file.AsMemory(position, (int)storage.ByteCount);
            position += (int)storage.ByteCount;
        }

        var missing = referenced.Keys.Except(storages.Keys).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"tensors use storages the file does not list: {string.Join(", ", missing.Take(5))}");
        }

        if (position != file.Length)
        {
            throw new InvalidDataException($"{file.Length - position} bytes follow the last storage");
        }

        return storages;
    }
}
