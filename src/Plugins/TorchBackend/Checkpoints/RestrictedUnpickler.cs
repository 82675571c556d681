using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Liveness.Plugins.TorchBackend.Checkpoints;

/// <summary>
/// Reads the pickles of a PyTorch checkpoint as data. The few callables a state dict needs are recognised by name and
/// stood in for here; any other class or function a pickle names is refused, so a checkpoint can never run code.
/// </summary>
/// <remarks>
/// Python values come out as: None as null, bool, long (BigInteger past 64 bits), double, string, bytes as byte[],
/// a tuple as object?[], a list as <see cref="List{T}"/>, a dict or OrderedDict as <see cref="OrderedDictionary{TKey, TValue}"/>,
/// a tensor as <see cref="TensorReference"/>.
/// </remarks>
internal sealed class RestrictedUnpickler
{
    private const int HighestProtocol = 5;

    private readonly byte[] _data;
    private readonly Dictionary<string, StorageReference> _storages = [];
    private int _position;

    /// <param name="data">The bytes holding the pickles.</param>
    /// <param name="position">Where the first pickle starts.</param>
    public RestrictedUnpickler(byte[] data, int position = 0)
    {
        _data = data;
        _position = position;
    }

    /// <summary>What a pickle may call: the stand-ins for the only globals a state dict names.</summary>
    private enum Callable
    {
        OrderedDict,
        RebuildTensor,
        RebuildParameter,
    }

    /// <summary>Where the next pickle, or whatever follows the last one, starts.</summary>
    public int Position => _position;

    /// <summary>The storages that the tensors read so far point at, by key.</summary>
    public IReadOnlyDictionary<string, StorageReference> Storages => _storages;

    /// <summary>Reads one pickle, up to and including its STOP opcode, and returns its value.</summary>
    public object? Load()
    {
        var stack = new PickleStack();
        var memo = new Dictionary<long, object?>();
        while (true)
        {
            var at = _position;
            var opcode = ReadByte();
            switch ((PickleOpcode)opcode)
            {
                case PickleOpcode.Proto:
                    var protocol = ReadByte();
                    if (protocol > HighestProtocol)
                    {
                        throw Error(at, $"pickle protocol {protocol} is newer than {HighestProtocol}");
                    }

                    break;
                case PickleOpcode.Frame:
                    // Frames only group opcodes for buffered reading; the opcodes follow as usual.
                    Read(8);
                    break;
                case PickleOpcode.Stop:
                    return stack.Pop(at);

                case PickleOpcode.Mark:
                    stack.Mark();
                    break;
                case PickleOpcode.Pop:
                    stack.Pop(at);
                    break;
                case PickleOpcode.PopMark:
                    stack.PopToMark(at);
                    break;
                case PickleOpcode.Dup:
                    stack.Push(stack.Peek(at));
                    break;

                case PickleOpcode.None:
                    stack.Push(null);
                    break;
                case PickleOpcode.NewTrue:
                    stack.Push(true);
                    break;
                case PickleOpcode.NewFalse:
                    stack.Push(false);
                    break;
                case PickleOpcode.BinInt:
                    stack.Push((long)BinaryPrimitives.ReadInt32LittleEndian(Read(4)));
                    break;
                case PickleOpcode.BinInt1:
                    stack.Push((long)ReadByte());
                    break;
                case PickleOpcode.BinInt2:
                    stack.Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Read(2)));
                    break;
                case PickleOpcode.Long1:
                    stack.Push(Integer(Read(ReadByte())));
                    break;
                case PickleOpcode.Long4:
                    stack.Push(Integer(Read(ReadLength(4, at))));
                    break;
                case PickleOpcode.BinFloat:
                    stack.Push(BinaryPrimitives.ReadDoubleBigEndian(Read(8)));
                    break;

                case PickleOpcode.ShortBinUnicode:
                    stack.Push(Encoding.UTF8.GetString(Read(ReadByte())));
                    break;
                case PickleOpcode.BinUnicode:
                    stack.Push(Encoding.UTF8.GetString(Read(ReadLength(4, at))));
                    break;
                case PickleOpcode.BinUnicode8:
                    stack.Push(Encoding.UTF8.GetString(Read(ReadLength(8, at))));
                    break;
                case PickleOpcode.ShortBinString:
                    // Python 2's str: bytes, which Python 3 reads as Latin-1 text by default.
                    stack.Push(Encoding.Latin1.GetString(Read(ReadByte())));
                    break;
                case PickleOpcode.BinString:
                    stack.Push(Encoding.Latin1.GetString(Read(ReadLength(4, at))));
                    break;
                case PickleOpcode.ShortBinBytes:
                    stack.Push(Read(ReadByte()).ToArray());
                    break;
                case PickleOpcode.BinBytes:
                    stack.Push(Read(ReadLength(4, at)).ToArray());
                    break;

                case PickleOpcode.EmptyTuple:
                    stack.Push(Array.Empty<object?>());
                    break;
                case PickleOpcode.Tuple:
                    stack.Push(stack.PopToMark(at).ToArray());
                    break;
                case PickleOpcode.Tuple1:
                case PickleOpcode.Tuple2:
                case PickleOpcode.Tuple3:
                    var items = new object?[opcode - (byte)PickleOpcode.Tuple1 + 1];
                    for (var i = items.Length - 1; i >= 0; i--)
                    {
                        items[i] = stack.Pop(at);
                    }

                    stack.Push(items);
                    break;
                case PickleOpcode.EmptyList:
                    stack.Push(new List<object?>());
                    break;
                case PickleOpcode.List:
                    stack.Push(stack.PopToMark(at));
                    break;
                case PickleOpcode.Append:
                    var item = stack.Pop(at);
                    stack.Peek<List<object?>>(at, "APPEND").Add(item);
                    break;
                case PickleOpcode.Appends:
                    var appended = stack.PopToMark(at);
                    stack.Peek<List<object?>>(at, "APPENDS").AddRange(appended);
                    break;
                case PickleOpcode.EmptyDict:
                    stack.Push(new OrderedDictionary<object, object?>());
                    break;
                case PickleOpcode.Dict:
                    var dict = new OrderedDictionary<object, object?>();
                    SetItems(dict, stack.PopToMark(at), at);
                    stack.Push(dict);
                    break;
                case PickleOpcode.SetItem:
                    var value = stack.Pop(at);
                    var key = stack.Pop(at);
                    SetItems(stack.Peek<OrderedDictionary<object, object?>>(at, "SETITEM"), [key, value], at);
                    break;
                case PickleOpcode.SetItems:
                    var pairs = stack.PopToMark(at);
                    SetItems(stack.Peek<OrderedDictionary<object, object?>>(at, "SETITEMS"), pairs, at);
                    break;

                case PickleOpcode.BinPut:
                    memo[ReadByte()] = stack.Peek(at);
                    break;
                case PickleOpcode.LongBinPut:
                    memo[BinaryPrimitives.ReadUInt32LittleEndian(Read(4))] = stack.Peek(at);
                    break;
                case PickleOpcode.Memoize:
                    memo[memo.Count] = stack.Peek(at);
                    break;
                case PickleOpcode.BinGet:
                    stack.Push(Recall(memo, ReadByte(), at));
                    break;
                case PickleOpcode.LongBinGet:
                    stack.Push(Recall(memo, BinaryPrimitives.ReadUInt32LittleEndian(Read(4)), at));
                    break;

                case PickleOpcode.Global:
                    stack.Push(Resolve(ReadLine(at), ReadLine(at), at));
                    break;
                case PickleOpcode.StackGlobal:
                    var name = stack.Pop(at);
                    var module = stack.Pop(at);
                    stack.Push(module is string m && name is string n
                        ? Resolve(m, n, at)
                        : throw Error(at, "STACK_GLOBAL needs a module and a name"));
                    break;
                case PickleOpcode.Reduce:
                    var arguments = stack.Pop(at) as object?[] ?? throw Error(at, "REDUCE needs a tuple of arguments");
                    stack.Push(Call(stack.Pop(at), arguments, at));
                    break;
                case PickleOpcode.Build:
                    // The only state a state dict sets is its OrderedDict's _metadata (module versions), which says
                    // nothing about the weights.
                    var state = stack.Pop(at);
                    if (stack.Peek(at) is not OrderedDictionary<object, object?> || state is not OrderedDictionary<object, object?>)
                    {
                        throw Error(at, "BUILD sets state on something other than a dict");
                    }

                    break;
                case PickleOpcode.BinPersId:
                    stack.Push(Storage(stack.Pop(at), at));
                    break;

                default:
                    var shown = opcode is >= 0x20 and < 0x7f ? $" ('{(char)opcode}')" : string.Empty;
                    throw Error(at, $"unsupported pickle opcode 0x{opcode:x2}{shown}");
            }
        }
    }

    private static object Integer(ReadOnlySpan<byte> littleEndian)
    {
        var value = new BigInteger(littleEndian, isUnsigned: false, isBigEndian: false);
        return value >= long.MinValue && value <= long.MaxValue ? (long)value : value;
    }

    private static void SetItems(OrderedDictionary<object, object?> dict, List<object?> pairs, int at)
    {
        if (pairs.Count % 2 != 0)
        {
            throw Error(at, "a dict gets a key without a value");
        }

        for (var i = 0; i < pairs.Count; i += 2)
        {
            dict[pairs[i] ?? throw Error(at, "a dict gets None as a key")] = pairs[i + 1];
        }
    }

    private static object? Recall(Dictionary<long, object?> memo, long index, int at) =>
        memo.TryGetValue(index, out var value) ? value : throw Error(at, $"the pickle recalls memo entry {index}, which it never stored");

    /// <summary>The stand-in for a global, or a refusal: nothing else is ever looked up, let alone run.</summary>
    private static object Resolve(string module, string name, int at)
    {
        var qualified = $"{module}.{name}";
        return qualified switch
        {
            "collections.OrderedDict" => Callable.OrderedDict,
            "torch._utils._rebuild_tensor_v2" => Callable.RebuildTensor,
            "torch._utils._rebuild_parameter" => Callable.RebuildParameter,
            _ when TensorElementTypes.ByStorageClass.TryGetValue(qualified, out var type) => type,
            _ => throw Error(at, $"the pickle names '{qualified}', which a state dict never needs; it is refused, not run"),
        };
    }

    private static object Call(object? callable, object?[] arguments, int at) => (callable, arguments) switch
    {
        (Callable.OrderedDict, []) => new OrderedDictionary<object, object?>(),
        // (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
        (Callable.RebuildTensor, [StorageReference storage, long offset, object[] shape, object[] stride, bool, OrderedDictionary<object, object?> { Count: 0 }, ..])
            when arguments.Length <= 7 && shape.Length == stride.Length =>
            new TensorReference(storage, offset, Longs(shape, at), Longs(stride, at)),
        // (data, requires_grad, backward_hooks): a parameter is its tensor here.
        (Callable.RebuildParameter, [TensorReference tensor, bool, OrderedDictionary<object, object?> { Count: 0 }]) => tensor,
        (Callable callee, _) => throw Error(at, $"the pickle calls {callee} with arguments no state dict gives it"),
        (TensorElementType type, _) => throw Error(at, $"the pickle calls the {type} storage class, which no state dict does"),
        _ => throw Error(at, $"the pickle calls a {callable?.GetType().Name ?? "None"}, which is not callable"),
    };

    private static long[] Longs(object?[] values, int at) =>
        values.Select(value => value as long? ?? throw Error(at, "a tensor's shape or stride holds something other than integers")).ToArray();

    /// <summary>A persistent id: <c>('storage', storage class, key, location, element count[, view])</c>.</summary>
    private StorageReference Storage(object? id, int at)
    {
        // The device a storage was saved from (location) does not matter: its bytes are read into host memory.
        if (id is not object?[] { Length: 5 or 6 } fields || fields is not ["storage", TensorElementType type, string key, string, long count, ..])
        {
            throw Error(at, "a persistent id that is not a storage");
        }

        if (fields.Length == 6 && fields[5] is not null)
        {
            throw Error(at, $"storage '{key}' is a view of another storage (a format older than PyTorch 0.4)");
        }

        var storage = new StorageReference(key, type, count);
        if (_storages.TryGetValue(key, out var known) && known != storage)
        {
            throw Error(at, $"storage '{key}' is named twice, as {known.ElementCount} {known.ElementType} and as {count} {type}");
        }

        return _storages[key] = storage;
    }

    private static InvalidDataException Error(int at, string message) => new($"{message} (at byte {at})");

    private byte ReadByte() => Read(1)[0];

    private ReadOnlySpan<byte> Read(int count)
    {
        if (count < 0 || count > _data.Length - _position)
        {
            throw new InvalidDataException($"the file ends inside a pickle (at byte {_position}, {count} more bytes wanted)");
        }

        _position += count;
        return _data.AsSpan(_position - count, count);
    }

    private int ReadLength(int size, int at)
    {
        var length = size == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(Read(4)) : BinaryPrimitives.ReadUInt64LittleEndian(Read(8));
        return length <= int.MaxValue ? (int)length : throw Error(at, $"a length of {length} bytes");
    }

    private string ReadLine(int at)
    {
        var end = Array.IndexOf(_data, (byte)'\n', _position);
        if (end < 0)
        {
            throw Error(at, "GLOBAL without an end of line");
        }

        return Encoding.UTF8.GetString(Read(end - _position + 1)[..^1]);
    }

    /// <summary>The pickle machine's stack and marks, with errors that say where the pickle went wrong.</summary>
    private sealed class PickleStack
    {
        private readonly List<object?> _items = [];
        private readonly Stack<int> _marks = new();

        public void Push(object? value) => _items.Add(value);

        public void Mark() => _marks.Push(_items.Count);

        public object? Pop(int at)
        {
            var value = Peek(at);
            _items.RemoveAt(_items.Count - 1);
            return value;
        }

        public object? Peek(int at) =>
            _items.Count > (_marks.Count > 0 ? _marks.Peek() : 0) ? _items[^1] : throw Error(at, "the pickle takes from an empty stack");

        public T Peek<T>(int at, string opcode) =>
            Peek(at) is T value ? value : throw Error(at, $"{opcode} on a {Describe(_items[^1])}");

        public List<object?> PopToMark(int at)
        {
            if (_marks.Count == 0)
            {
                throw Error(at, "the pickle pops to a mark it never set");
            }

            var start = _marks.Pop();
            var items = _items.GetRange(start, _items.Count - start);
            _items.RemoveRange(start, items.Count);
            return items;
        }

        private static string Describe(object? value) => value?.GetType().Name ?? "None";
    }
}
