using System.Runtime.CompilerServices;
using ActorSim.Model.Records;
using System.Text;
using ActorSim.Egress.Writers.Parquet.Format;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>
/// A UTF-8 string column, dictionary-encoded: each distinct value of the batch is stored once (in first-seen order, so
/// the bytes are deterministic) and rows hold its index. Repeated string instances (path ids, statuses) are found by
/// reference without transcoding. A dictionary over 1 MB falls back to PLAIN pages.
/// </summary>
internal sealed class StringColumn(string destination, string name, bool required)
    : ColumnBuffer(destination, new ColumnSchema(name, PhysicalType.ByteArray, LogicalType.String, required), ColumnType.String)
{
    private const int MaxDictionaryBytes = 1 << 20;
    private const int MaxStatisticsBytes = 256;
    private const int RecentStrings = 8;
    private const int KeyCacheSize = 1024;

    private readonly string?[] _recentStrings = new string?[RecentStrings];
    private readonly int[] _recentIds = new int[RecentStrings];
    private readonly string?[] _keyPrefixes = new string?[KeyCacheSize];
    private readonly long[] _keyNumbers = new long[KeyCacheSize];
    private readonly int[] _keyIds = new int[KeyCacheSize];
    private readonly char[] _keyText = new char[256];
    private int _nextRecent;
    private int _rows;
    private byte[] _arena = new byte[1 << 16];
    private int _arenaUsed;
    private int[] _start = new int[256];
    private int[] _length = new int[256];
    private int[] _hash = new int[256];
    private int _distinct;
    private int[] _slots = new int[512];
    private int[] _rowIds = [];
    private bool[] _used = [];

    public override void Reset(int rows)
    {
        base.Reset(rows);
        if (_rowIds.Length < rows)
        {
            _rowIds = new int[Math.Max(rows, _rowIds.Length * 2)];
        }

        _rows = rows;
        _arenaUsed = 0;
        _distinct = 0;
        Array.Clear(_slots);
        Array.Clear(_recentStrings);
        Array.Clear(_keyPrefixes);
    }

    [MethodImpl(HotPath.Options)]
    public override void SetString(int row, string value)
    {
        var recent = _recentStrings;
        var id = -1;
        for (var i = 0; i < recent.Length; i++)
        {
            if (ReferenceEquals(recent[i], value))
            {
                id = _recentIds[i];
                break;
            }
        }

        if (id < 0)
        {
            id = Intern(value);
            var slot = _nextRecent;
            _nextRecent = (slot + 1) & (RecentStrings - 1);
            recent[slot] = value;
            _recentIds[slot] = id;
        }

        _rowIds[row] = id;
        MarkDefined(row);
    }

    [MethodImpl(HotPath.Options)]
    public override void SetKey(int row, RecordKey key)
    {
        if (key.Number < 0 && key.Prefix is not null)
        {
            SetString(row, key.Prefix);
            return;
        }

        var slot = (int)(key.Number & (KeyCacheSize - 1));
        int id;
        if (_keyNumbers[slot] == key.Number && ReferenceEquals(_keyPrefixes[slot], key.Prefix) && key.Prefix is not null)
        {
            id = _keyIds[slot];
        }
        else
        {
            id = key.TryFormat(_keyText, out var written) ? Intern(_keyText.AsSpan(0, written)) : Intern(key.ToString());
            _keyPrefixes[slot] = key.Prefix;
            _keyNumbers[slot] = key.Number;
            _keyIds[slot] = id;
        }

        _rowIds[row] = id;
        MarkDefined(row);
    }

    public override void SetText(int row, ReadOnlySpan<char> value)
    {
        _rowIds[row] = Intern(value);
        MarkDefined(row);
    }

    [MethodImpl(HotPath.Options)]
    public override void WriteChunk(PageWriter pages, int offset, int count)
    {
        pages.BeginChunk(Name, PhysicalType.ByteArray);
        var dictionary = _distinct > 0 && _arenaUsed + (4L * _distinct) <= MaxDictionaryBytes;
        if (dictionary)
        {
            var body = pages.BeginPage();
            for (var id = 0; id < _distinct; id++)
            {
                body.WriteInt32LittleEndian(_length[id]);
                body.Write(Value(id));
            }

            pages.EndDictionaryPage(_distinct);
        }

        for (var start = offset; start < offset + count; start += MaxPageRows)
        {
            var rows = Math.Min(MaxPageRows, offset + count - start);
            var body = pages.BeginPage();
            var values = WriteDefinitionLevels(pages, body, start, rows);
            if (dictionary)
            {
                WriteIndices(pages, body, start, rows, values);
            }
            else
            {
                WritePlain(body, start, rows);
            }

            pages.EndDataPage(rows, rows - values, dictionary ? PageEncoding.RleDictionary : PageEncoding.Plain, !Required);
        }

        WriteStatistics(pages, offset, count);
    }

    private ReadOnlySpan<byte> Value(int id) => _arena.AsSpan(_start[id], _length[id]);

    [MethodImpl(HotPath.Options)]
    private void WriteIndices(PageWriter pages, ByteBuffer body, int start, int rows, int values)
    {
        var indices = pages.Scratch(values);
        var at = 0;
        for (var row = start; row < start + rows; row++)
        {
            if (IsDefined(row))
            {
                indices[at++] = _rowIds[row];
            }
        }

        var bitWidth = RleHybridEncoder.BitWidth(_distinct - 1);
        body.WriteByte((byte)bitWidth);
        RleHybridEncoder.Encode(indices.AsSpan(0, at), bitWidth, body);
    }

    private void WritePlain(ByteBuffer body, int start, int rows)
    {
        for (var row = start; row < start + rows; row++)
        {
            if (IsDefined(row))
            {
                var id = _rowIds[row];
                body.WriteInt32LittleEndian(_length[id]);
                body.Write(Value(id));
            }
        }
    }

    /// <summary>Min and max by unsigned byte order over the values these rows use; omitted when a bound is long.</summary>
    [MethodImpl(HotPath.Options)]
    private void WriteStatistics(PageWriter pages, int offset, int count)
    {
        int min = -1, max = -1;
        if (offset == 0 && count == _rows)
        {
            // The whole batch: every dictionary entry is used by some row.
            for (var id = 0; id < _distinct; id++)
            {
                Bound(id, ref min, ref max);
            }
        }
        else
        {
            if (_used.Length < _distinct)
            {
                _used = new bool[Math.Max(_distinct, _used.Length * 2)];
            }

            Array.Clear(_used, 0, _distinct);
            for (var row = offset; row < offset + count; row++)
            {
                if (IsDefined(row) && !_used[_rowIds[row]])
                {
                    _used[_rowIds[row]] = true;
                    Bound(_rowIds[row], ref min, ref max);
                }
            }
        }

        if (min >= 0 && _length[min] <= MaxStatisticsBytes && _length[max] <= MaxStatisticsBytes)
        {
            pages.SetStatistics(Value(min), Value(max));
        }
    }

    private void Bound(int id, ref int min, ref int max)
    {
        if (min < 0 || Value(id).SequenceCompareTo(Value(min)) < 0)
        {
            min = id;
        }

        if (max < 0 || Value(id).SequenceCompareTo(Value(max)) > 0)
        {
            max = id;
        }
    }

    /// <summary>The id of <paramref name="text"/>'s UTF-8 bytes, adding them to the dictionary when new.</summary>
    [MethodImpl(HotPath.Options)]
    private int Intern(ReadOnlySpan<char> text)
    {
        var room = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_arena.Length - _arenaUsed < room)
        {
            var wanted = Math.Max((long)_arena.Length * 2, (long)_arenaUsed + room);
            Array.Resize(ref _arena, (int)Math.Min(wanted, Array.MaxLength));
        }

        var length = Encoding.UTF8.GetBytes(text, _arena.AsSpan(_arenaUsed));
        var bytes = _arena.AsSpan(_arenaUsed, length);
        var hash = Hash(bytes);
        var mask = _slots.Length - 1;
        var slot = hash & mask;
        while (_slots[slot] != 0)
        {
            var id = _slots[slot] - 1;
            if (_hash[id] == hash && _length[id] == length && Value(id).SequenceEqual(bytes))
            {
                return id;
            }

            slot = (slot + 1) & mask;
        }

        var added = _distinct++;
        if (added == _start.Length)
        {
            Array.Resize(ref _start, added * 2);
            Array.Resize(ref _length, added * 2);
            Array.Resize(ref _hash, added * 2);
        }

        _start[added] = _arenaUsed;
        _length[added] = length;
        _hash[added] = hash;
        _arenaUsed += length;
        _slots[slot] = added + 1;
        if (_distinct * 2 > _slots.Length)
        {
            Rehash();
        }

        return added;
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var id = 0; id < _distinct; id++)
        {
            var slot = _hash[id] & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = id + 1;
        }
    }

    /// <summary>A fast non-cryptographic hash of the bytes (FNV-1a over 8-byte words, then mixed).</summary>
    [MethodImpl(HotPath.Options)]
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var h = 14695981039346656037UL ^ (ulong)bytes.Length;
        while (bytes.Length >= 8)
        {
            h = (h ^ System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 1099511628211UL;
            bytes = bytes[8..];
        }

        foreach (var b in bytes)
        {
            h = (h ^ b) * 1099511628211UL;
        }

        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        return (int)h;
    }
}
