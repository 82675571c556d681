using System.Runtime.InteropServices;
using Liveness.Plugins.TorchBackend.Checkpoints;

namespace Liveness.TorchBackend.Tests;

public sealed class TorchCheckpointTests
{
    private static readonly byte[] V2File = File.ReadAllBytes(SharedData.Model(Backends.V2));

    [Fact]
    public void Reads_the_authors_legacy_checkpoint_in_saved_order()
    {
        var stateDict = TorchCheckpoint.Read(SharedData.Model(Backends.V2));

        Assert.Equal(334, stateDict.Count);
        Assert.Equal("module.conv1.conv.weight", stateDict.Keys.First());
        Assert.Equal("module.prob.weight", stateDict.Keys.Last());
        var stem = stateDict["module.conv1.conv.weight"];
        Assert.Equal(TensorElementType.Float32, stem.ElementType);
        Assert.Equal([32L, 3, 3, 3], stem.Shape);
        Assert.Equal(32 * 3 * 3 * 3, stem.ToSingles().Length);
        var tracked = stateDict["module.conv1.bn.num_batches_tracked"];
        Assert.Equal(TensorElementType.Int64, tracked.ElementType);
        Assert.Empty(tracked.Shape);
        // Trained weights, not zeros or garbage: batch-norm variances are positive and finite.
        Assert.All(stateDict.Where(entry => entry.Key.EndsWith("running_var", StringComparison.Ordinal)).SelectMany(entry => entry.Value.ToSingles()),
            variance => Assert.True(variance > 0 && float.IsFinite(variance)));
    }

    [Fact]
    public void Reads_a_zip_checkpoint_as_torch_save_writes_it_with_views_into_a_shared_storage()
    {
        float[] values = [0, 1, 2, 3, 4, 5, 6, 7];
        var shared = new TorchSave.Storage("0", "FloatStorage", values.Length, MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
        var counter = new TorchSave.Storage("1", "LongStorage", 1, BitConverter.GetBytes(1234L));
        TorchSave.Tensor[] tensors =
        [
            new("matrix", shared, 0, [2, 3], [3, 1]),
            // A transposed view that starts at element 1: rows are columns of [[1, 2], [3, 4], [5, 6]].
            new("transposed", shared, 1, [2, 3], [1, 2]),
            new("count", counter, 0, [], []),
        ];

        var stateDict = TorchCheckpoint.Read(TorchSave.Zip(TorchSave.StateDictPickle(tensors), tensors.Select(tensor => tensor.Storage)));

        Assert.Equal(["matrix", "transposed", "count"], stateDict.Keys);
        Assert.Equal([0f, 1, 2, 3, 4, 5], stateDict["matrix"].ToSingles());
        Assert.Equal([1f, 3, 5, 2, 4, 6], stateDict["transposed"].ToSingles());
        Assert.Equal([2L, 3], stateDict["transposed"].Shape);
        Assert.Equal([1234L], stateDict["count"].ToInt64s());
    }

    [Fact]
    public void Reads_the_same_tensors_from_both_formats()
    {
        var legacy = TorchCheckpoint.Read(V2File);

        var zipped = TorchCheckpoint.Read(TorchSave.Zip(legacy));

        Assert.Equal(legacy.Keys, zipped.Keys);
        Assert.All(legacy, entry => Assert.Equal(entry.Value.Data, zipped[entry.Key].Data));
    }

    [Fact]
    public void Refuses_a_pickle_that_would_run_a_shell_command()
    {
        var pickle = new PickleWriter().Proto().Global("os", "system").Mark().String("touch /tmp/pwned").Tuple().Reduce().Stop().ToArray();

        var legacy = Assert.Throws<InvalidDataException>(() => TorchCheckpoint.Read(pickle));
        var zipped = Assert.Throws<InvalidDataException>(() => TorchCheckpoint.Read(TorchSave.Zip(pickle, [])));

        Assert.All([legacy, zipped], error => Assert.Contains("'os.system'", error.Message));
        Assert.Contains("refused", legacy.Message);
    }

    [Fact]
    public void Refuses_a_global_named_on_the_stack()
    {
        var pickle = new PickleWriter().Proto(4).StackGlobal("builtins", "eval").Mark().String("1").Tuple().Reduce().Stop().ToArray();

        var error = Assert.Throws<InvalidDataException>(() => TorchCheckpoint.Read(TorchSave.Zip(pickle, [])));

        Assert.Contains("'builtins.eval'", error.Message);
    }

    [Fact]
    public void Refuses_to_call_an_allowed_class_other_than_a_state_dict_does()
    {
        // A storage class is allowed as a name in a persistent id, never as something to call.
        var pickle = new PickleWriter().Proto().Global("torch", "FloatStorage").Mark().Int(10).Tuple().Reduce().Stop().ToArray();

        var error = Assert.Throws<InvalidDataException>(() => TorchCheckpoint.Read(TorchSave.Zip(pickle, [])));

        Assert.Contains("storage class", error.Message);
    }

    [Fact]
    public void Names_an_unsupported_opcode_and_where_it_is()
    {
        // NEWOBJ (0x81) builds an instance of a class: no state dict needs it.
        var pickle = new PickleWriter().Proto().Global("collections", "OrderedDict").EmptyTuple().Op(0x81).Stop().ToArray();

        var error = Assert.Throws<InvalidDataException>(() => TorchCheckpoint.Read(TorchSave.Zip(pickle, [])));

        Assert.Contains("unsupported pickle opcode 0x81 (at byte 28)", error.Message);
    }

    [Fact]
    public void Refuses_a_file_that_is_no_checkpoint_and_names_it()
    {
        var onnx = SharedData.Model("minifasnet/2.7_80x80_MiniFASNetV2.onnx");

        var error = Assert.Throws<InvalidDataException>(() => TorchCheckpoint.Read(onnx));

        Assert.StartsWith(onnx, error.Message);
        Assert.Contains("neither a zip archive nor a sequence of pickles", error.Message);
    }

    [Fact]
    public void Refuses_a_plain_pickle_that_lacks_the_magic_number()
    {
        var pickle = new PickleWriter().Proto().EmptyDict().Stop().ToArray();

        var error = Assert.Throws<InvalidDataException>(() => TorchCheckpoint.Read(pickle));

        Assert.Contains("magic number", error.Message);
    }

    [Fact]
    public void Refuses_a_legacy_checkpoint_cut_short()
    {
        var error = Assert.Throws<InvalidDataException>(() => TorchCheckpoint.Read(V2File[..^100]));

        Assert.Contains("the file ends inside storage", error.Message);
    }

    [Fact]
    public void Refuses_a_legacy_checkpoint_with_bytes_after_its_storages()
    {
        var error = Assert.Throws<InvalidDataException>(() => TorchCheckpoint.Read([.. V2File, 0, 0, 0, 0]));

        Assert.Contains("4 bytes follow the last storage", error.Message);
    }

    [Fact]
    public void Refuses_a_zip_checkpoint_whose_storage_record_is_short()
    {
        var storage = new TorchSave.Storage("0", "FloatStorage", 6, new byte[20]);
        TorchSave.Tensor[] tensors = [new("weight", storage, 0, [6], [1])];

        var error = Assert.Throws<InvalidDataException>(() => TorchCheckpoint.Read(TorchSave.Zip(TorchSave.StateDictPickle(tensors), [storage])));

        Assert.Contains("storage '0' holds 20 bytes, not the 24", error.Message);
    }

    [Fact]
    public void Refuses_a_big_endian_zip_checkpoint()
    {
        var pickle = new PickleWriter().Proto().Global("collections", "OrderedDict").EmptyTuple().Reduce().Stop().ToArray();

        var error = Assert.Throws<InvalidDataException>(() => TorchCheckpoint.Read(TorchSave.Zip(pickle, [], byteOrder: "big")));

        Assert.Contains("big endian", error.Message);
    }

    [Fact]
    public void Refuses_a_zip_archive_without_a_pickle()
    {
        using var buffer = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            archive.CreateEntry("readme.txt");
        }

        var error = Assert.Throws<InvalidDataException>(() => TorchCheckpoint.Read(buffer.ToArray()));

        Assert.Contains("not a PyTorch checkpoint", error.Message);
    }

    [Fact]
    public void Refuses_a_checkpoint_that_holds_more_than_tensors()
    {
        // torch.save({'epoch': 3}): a training checkpoint, not a bare state dict.
        var pickle = new PickleWriter().Proto().EmptyDict().Mark().String("epoch").Int(3).SetItems().Stop().ToArray();

        var error = Assert.Throws<InvalidDataException>(() => TorchCheckpoint.Read(TorchSave.Zip(pickle, [])));

        Assert.Contains("entry 'epoch' of the checkpoint is an integer, not a tensor", error.Message);
    }
}
