using System.Buffers.Binary;
using System.Text;

namespace Liveness.TorchBackend.Tests;

/// <summary>Emits a pickle opcode by opcode, as Python's pickler at protocol 2 writes them (memo aside).</summary>
internal sealed class PickleWriter
{
    private readonly List<byte> _bytes = [];

    public PickleWriter Proto(byte version = 2) => Op(0x80).Bytes(version);

    public PickleWriter Global(string module, string name) => Op('c').Bytes(Encoding.ASCII.GetBytes($"{module}\n{name}\n"));

    public PickleWriter StackGlobal(string module, string name) => String(module).String(name).Op(0x93);

    public PickleWriter String(string value)
    {
        var utf8 = Encoding.UTF8.GetBytes(value);
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)utf8.Length);
        return Op('X').Bytes(length).Bytes(utf8);
    }

    public PickleWriter Int(long value)
    {
        if (value is >= int.MinValue and <= int.MaxValue)
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(bytes, (int)value);
            return Op('J').Bytes(bytes);
        }

        var wide = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(wide, value);
        return Op(0x8a).Bytes(8).Bytes(wide);
    }

    /// <summary>A tuple of integers, as torch.save writes a tensor's size and stride.</summary>
    public PickleWriter IntTuple(IEnumerable<long> values)
    {
        Mark();
        foreach (var value in values)
        {
            Int(value);
        }

        return Tuple();
    }

    public PickleWriter Mark() => Op('(');

    public PickleWriter Tuple() => Op('t');

    public PickleWriter EmptyTuple() => Op(')');

    public PickleWriter EmptyDict() => Op('}');

    public PickleWriter SetItems() => Op('u');

    public PickleWriter False() => Op(0x89);

    public PickleWriter Reduce() => Op('R');

    public PickleWriter Build() => Op('b');

    public PickleWriter PersistentId() => Op('Q');

    public PickleWriter Stop() => Op('.');

    public PickleWriter Op(char opcode) => Op((byte)opcode);

    public PickleWriter Op(byte opcode) => Bytes(opcode);

    public PickleWriter Bytes(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public byte[] ToArray() => [.. _bytes];
}
