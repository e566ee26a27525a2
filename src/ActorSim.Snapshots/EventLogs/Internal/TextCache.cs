using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ActorSim.Snapshots.EventLogs.Internal;

/// <summary>
/// Strings for a Parquet text column's values within one row group. Parquet.Net hands a dictionary-encoded column's
/// repeated values as slices of one array per dictionary entry, so a value seen before is found by that array's
/// identity, without reading or hashing its characters. <see cref="Clear"/> before each row group: the arrays are only
/// known to hold their text while the group's values are.
/// </summary>
internal sealed class TextCache
{
    private const int Slots = 1024;

    private readonly char[]?[] _arrays = new char[Slots][];
    private readonly int[] _offsets = new int[Slots];
    private readonly int[] _lengths = new int[Slots];
    private readonly string?[] _strings = new string[Slots];

    public void Clear()
    {
        Array.Clear(_arrays);
        Array.Clear(_strings);
    }

    /// <summary>The string of <paramref name="text"/>: from the cache, else from <paramref name="pool"/>, else a new one.</summary>
    public string Get(ReadOnlyMemory<char> text, StringPool? pool)
    {
        if (!MemoryMarshal.TryGetArray(text, out var segment))
        {
            return MemoryMarshal.TryGetString(text, out var whole, out var start, out var length) && start == 0 && length == whole.Length
                ? whole
                : Make(text.Span, pool);
        }

        var array = segment.Array!;
        var slot = (RuntimeHelpers.GetHashCode(array) ^ segment.Offset) & (Slots - 1);
        if (ReferenceEquals(_arrays[slot], array) && _offsets[slot] == segment.Offset && _lengths[slot] == segment.Count)
        {
            return _strings[slot]!;
        }

        var value = Make(text.Span, pool);
        _arrays[slot] = array;
        _offsets[slot] = segment.Offset;
        _lengths[slot] = segment.Count;
        _strings[slot] = value;
        return value;
    }

    private static string Make(ReadOnlySpan<char> text, StringPool? pool) => pool is null ? new string(text) : pool.Get(text);
}
