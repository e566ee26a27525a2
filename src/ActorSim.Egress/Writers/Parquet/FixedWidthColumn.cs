using System.Runtime.InteropServices;
using ActorSim.Egress.Writers.Parquet.Format;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>
/// A column of fixed-width values in a reused array, written PLAIN (little-endian, as this machine holds them), with the
/// chunk's min and max as statistics.
/// </summary>
internal abstract class FixedWidthColumn<T>(string destination, ColumnSchema schema, ColumnType type) : ColumnBuffer(destination, schema, type)
    where T : unmanaged
{
    private T[] _values = [];

    public override void Reset(int rows)
    {
        base.Reset(rows);
        if (_values.Length < rows)
        {
            _values = new T[Math.Max(rows, _values.Length * 2)];
        }
    }

    public override void WriteChunk(PageWriter pages, int offset, int count)
    {
        pages.BeginChunk(Name, Schema.Type);
        var hasStatistics = false;
        T min = default, max = default;
        for (var start = offset; start < offset + count; start += MaxPageRows)
        {
            var rows = Math.Min(MaxPageRows, offset + count - start);
            var body = pages.BeginPage();
            var values = WriteDefinitionLevels(pages, body, start, rows);
            var plain = values == rows ? _values.AsSpan(start, rows) : Gather(pages, start, rows, values);
            WritePlain(plain, body);
            hasStatistics |= Accumulate(plain, ref min, ref max, hasStatistics);
            pages.EndDataPage(rows, rows - values, PageEncoding.Plain, !Required);
        }

        if (hasStatistics)
        {
            pages.SetStatistics(Plain(min), Plain(max));
        }
    }

    protected void Set(int row, T value)
    {
        _values[row] = value;
        MarkDefined(row);
    }

    /// <summary>Writes <paramref name="values"/> in PLAIN encoding.</summary>
    protected virtual void WritePlain(ReadOnlySpan<T> values, ByteBuffer body) => body.Write(MemoryMarshal.AsBytes(values));

    /// <summary>Folds <paramref name="values"/> into min and max; false when none of them counts (e.g. all NaN).</summary>
    protected abstract bool Accumulate(ReadOnlySpan<T> values, ref T min, ref T max, bool seen);

    /// <summary>A statistics value in PLAIN bytes.</summary>
    protected virtual byte[] Plain(T value) => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();

    private ReadOnlySpan<T> Gather(PageWriter pages, int start, int rows, int values)
    {
        var gathered = MemoryMarshal.Cast<int, T>(pages.Scratch(((values * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()) / sizeof(int)) + 1).AsSpan());
        var at = 0;
        for (var row = start; row < start + rows; row++)
        {
            if (IsDefined(row))
            {
                gathered[at++] = _values[row];
            }
        }

        return gathered[..at];
    }
}
