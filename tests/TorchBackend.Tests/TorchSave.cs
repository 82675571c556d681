using System.IO.Compression;
using System.Text;
using Liveness.Plugins.TorchBackend.Checkpoints;

namespace Liveness.TorchBackend.Tests;

/// <summary>Writes state dicts as <c>torch.save</c> (PyTorch 1.6 and later) does: a pickle and raw storages in a zip archive.</summary>
internal static class TorchSave
{
    /// <summary>A storage: its key, pickled class (e.g. <c>FloatStorage</c>), and elements' little-endian bytes.</summary>
    public sealed record Storage(string Key, string Class, long Count, byte[] Data);

    /// <summary>A named tensor: a strided view of a storage.</summary>
    public sealed record Tensor(string Name, Storage Storage, long Offset, long[] Shape, long[] Stride);

    /// <summary>A state dict of contiguous tensors, each in its own storage, as saving a module's state dict gives.</summary>
    public static byte[] Zip(IReadOnlyDictionary<string, CheckpointTensor> stateDict)
    {
        var tensors = stateDict.Select((entry, i) =>
        {
            var (name, tensor) = (entry.Key, entry.Value);
            var storageClass = TensorElementTypes.ByStorageClass.Single(pair => pair.Value == tensor.ElementType).Key["torch.".Length..];
            var count = tensor.Shape.Aggregate(1L, (product, size) => product * size);
            var stride = tensor.Shape.Select((_, d) => tensor.Shape.Skip(d + 1).Aggregate(1L, (product, size) => product * size)).ToArray();
            return new Tensor(name, new Storage(i.ToString(), storageClass, count, tensor.Data), 0, tensor.Shape, stride);
        }).ToList();
        return Zip(StateDictPickle(tensors), tensors.Select(tensor => tensor.Storage));
    }

    /// <summary>The pickle of an OrderedDict of tensors, opcode for opcode as torch.save writes it, module metadata included.</summary>
    public static byte[] StateDictPickle(IEnumerable<Tensor> tensors)
    {
        var pickle = new PickleWriter().Proto().Global("collections", "OrderedDict").EmptyTuple().Reduce().Mark();
        foreach (var tensor in tensors)
        {
            pickle.String(tensor.Name)
                .Global("torch._utils", "_rebuild_tensor_v2")
                .Mark()
                .Mark().String("storage").Global("torch", tensor.Storage.Class).String(tensor.Storage.Key).String("cpu").Int(tensor.Storage.Count).Tuple()
                .PersistentId()
                .Int(tensor.Offset)
                .IntTuple(tensor.Shape)
                .IntTuple(tensor.Stride)
                .False()
                .Global("collections", "OrderedDict").EmptyTuple().Reduce()
                .Tuple()
                .Reduce();
        }

        // state_dict() sets _metadata on the OrderedDict: module versions, restored by BUILD.
        return pickle.SetItems()
            .EmptyDict().Mark().String("_metadata")
            .Global("collections", "OrderedDict").EmptyTuple().Reduce()
            .Mark().String(string.Empty).EmptyDict().Mark().String("version").Int(1).SetItems().SetItems()
            .SetItems()
            .Build()
            .Stop()
            .ToArray();
    }

    /// <summary>The archive: FOLDER/data.pkl, FOLDER/byteorder, FOLDER/data/KEY per storage, FOLDER/version; all stored, not deflated.</summary>
    public static byte[] Zip(byte[] dataPickle, IEnumerable<Storage> storages, string folder = "checkpoint", string byteOrder = "little")
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] data)
            {
                using var stream = archive.CreateEntry($"{folder}/{name}", CompressionLevel.NoCompression).Open();
                stream.Write(data);
            }

            Add("data.pkl", dataPickle);
            Add("byteorder", Encoding.ASCII.GetBytes(byteOrder));
            foreach (var storage in storages.DistinctBy(storage => storage.Key))
            {
                Add($"data/{storage.Key}", storage.Data);
            }

            Add("version", Encoding.ASCII.GetBytes("3\n"));
        }

        return buffer.ToArray();
    }
}
