using System.IO.Compression;
using System.Text;

namespace Liveness.Plugins.TorchBackend.Checkpoints;

/// <summary>
/// The format of <c>torch.save</c> since PyTorch 1.6: a zip archive whose records lie in one folder,
/// <c>data.pkl</c> (the pickled object), <c>data/KEY</c> (each storage's raw elements) and, since 1.10,
/// <c>byteorder</c>.
/// </summary>
internal static class ZipCheckpoint
{
    private const string PickleRecord = "data.pkl";

    public static IReadOnlyDictionary<string, CheckpointTensor> Read(byte[] file)
    {
        using var archive = Open(file);

        // The folder is named after the file torch.save wrote ("archive" in its first versions): find it by its pickle.
        var pickles = archive.Entries.Where(entry => entry.FullName.EndsWith('/' + PickleRecord, StringComparison.Ordinal)
            && entry.FullName.IndexOf('/', StringComparison.Ordinal) == entry.FullName.Length - PickleRecord.Length - 1).ToList();
        if (pickles.Count != 1)
        {
            throw new InvalidDataException($"a zip archive with {pickles.Count} FOLDER/{PickleRecord} records, not one: not a PyTorch checkpoint");
        }

        var folder = pickles[0].FullName[..^PickleRecord.Length];
        if (archive.GetEntry(folder + "byteorder") is { } byteOrder && Encoding.ASCII.GetString(ReadAll(byteOrder)) != "little")
        {
            throw new InvalidDataException("the checkpoint was saved big endian");
        }

        var stateDict = new RestrictedUnpickler(ReadAll(pickles[0])).Load();
        var storages = new Dictionary<string, ReadOnlyMemory<byte>>();
        return TorchCheckpoint.StateDict(stateDict, storage =>
        {
            if (!storages.TryGetValue(storage.Key, out var bytes))
            {
                var record = archive.GetEntry($"{folder}data/{storage.Key}")
                    ?? throw new InvalidDataException($"no record {folder}data/{storage.Key} for storage '{storage.Key}'");
                // Checked before reading, so that no record is inflated past what its tensors need.
                if (record.Length != storage.ByteCount)
                {
                    throw new InvalidDataException(
                        $"storage '{storage.Key}' holds {record.Length} bytes, not the {storage.ByteCount} its tensors were saved with");
                }

                bytes = storages[storage.Key] = ReadAll(record);
            }

            return bytes;
        });
    }

    private static ZipArchive Open(byte[] file)
    {
        try
        {
            return new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"a damaged zip archive: {ex.Message}", ex);
        }
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        try
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"record {entry.FullName} is damaged: {ex.Message}", ex);
        }
    }
}
