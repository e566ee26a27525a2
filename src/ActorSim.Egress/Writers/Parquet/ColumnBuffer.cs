using ActorSim.Egress.Writers.Parquet.Format;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>
/// One column's values for the batch being encoded, filled row by row straight from records, then written as a column
/// chunk per row group. A typed setter the column cannot take throws a <see cref="SchemaDriftException"/>; int64 into a
/// double column widens. Required columns (<c>stream_type</c>, <c>sim_ts</c>, <c>timestamp</c>) must be set on every row
/// and write no definition levels.
/// </summary>
internal abstract class ColumnBuffer(string destination, ColumnSchema schema, ColumnType type)
{
    /// <summary>At most this many rows per data page, so pages stay around a megabyte or less.</summary>
    protected const int MaxPageRows = 20_000;

    /// <summary>1 where a nullable column's row has a value (empty for required columns).</summary>
    private byte[] _defined = [];

    public ColumnSchema Schema { get; } = schema;

    public ColumnType Type { get; } = type;

    public string Name => Schema.Name;

    protected bool Required => Schema.Required;

    protected string Destination { get; } = destination;

    /// <summary>Makes room for <paramref name="rows"/> rows, all null.</summary>
    public virtual void Reset(int rows)
    {
        if (Required)
        {
            return;
        }

        if (_defined.Length < rows)
        {
            _defined = new byte[Math.Max(rows, _defined.Length * 2)];
        }
        else
        {
            Array.Clear(_defined, 0, rows);
        }
    }

    /// <summary>Writes rows [offset, offset+count) as one column chunk.</summary>
    public abstract void WriteChunk(PageWriter pages, int offset, int count);

    public virtual void SetString(int row, string value) => throw Drift(ColumnType.String);

    public virtual void SetText(int row, ReadOnlySpan<char> value) => throw Drift(ColumnType.String);

    /// <summary>Sets an event key's text (<c>task-17</c>).</summary>
    public virtual void SetKey(int row, RecordKey key) => throw Drift(ColumnType.String);

    public virtual void SetDouble(int row, double value) => throw Drift(ColumnType.Double);

    public virtual void SetInt64(int row, long value) => throw Drift(ColumnType.Int64);

    public virtual void SetBool(int row, bool value) => throw Drift(ColumnType.Bool);

    /// <summary>Sets a timestamp as milliseconds since the Unix epoch, UTC.</summary>
    public virtual void SetTimestamp(int row, long unixMilliseconds) => throw Drift(ColumnType.Timestamp);

    /// <summary>Sets a custom value by its runtime type (null leaves the row null; objects and lists go as JSON text).</summary>
    public void SetObject(int row, object? value, Func<object, string> toJson)
    {
        switch (value)
        {
            case null:
                break;
            case string s:
                SetString(row, s);
                break;
            case bool b:
                SetBool(row, b);
                break;
            case double d:
                SetDouble(row, d);
                break;
            case float f:
                SetDouble(row, f);
                break;
            case decimal m:
                SetDouble(row, (double)m);
                break;
            case ulong u:
                SetInt64(row, checked((long)u));
                break;
            case long or int or short or sbyte or byte or ushort or uint:
                SetInt64(row, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case DateTime t:
                SetTimestamp(row, UnixMilliseconds(t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t));
                break;
            case DateTimeOffset o:
                SetTimestamp(row, UnixMilliseconds(o.UtcDateTime));
                break;
            default:
                SetText(row, toJson(value));
                break;
        }
    }

    /// <summary>Milliseconds from the Unix epoch to <paramref name="utc"/> (read as UTC whatever its kind), rounded down.</summary>
    public static long UnixMilliseconds(DateTime utc)
    {
        var ticks = utc.Ticks - DateTime.UnixEpoch.Ticks;
        var milliseconds = ticks / TimeSpan.TicksPerMillisecond;
        return ticks < 0 && ticks % TimeSpan.TicksPerMillisecond != 0 ? milliseconds - 1 : milliseconds;
    }

    protected void MarkDefined(int row)
    {
        if (!Required)
        {
            _defined[row] = 1;
        }
    }

    protected bool IsDefined(int row) => Required || _defined[row] != 0;

    /// <summary>
    /// Writes a nullable page's definition levels (length-prefixed RLE/bit-packed hybrid, bit width 1) into
    /// <paramref name="body"/>; returns how many of the rows have values (all of them for a required column).
    /// </summary>
    protected int WriteDefinitionLevels(PageWriter pages, ByteBuffer body, int offset, int count)
    {
        if (Required)
        {
            return count;
        }

        var defined = _defined.AsSpan(offset, count);
        var values = count - defined.Count((byte)0);
        var lengthAt = body.Length;
        body.WriteInt32LittleEndian(0);
        if (values == count || values == 0)
        {
            RleHybridEncoder.WriteRun(values == 0 ? 0 : 1, count, 1, body);
        }
        else
        {
            var levels = pages.Scratch(count);
            for (var i = 0; i < count; i++)
            {
                levels[i] = defined[i];
            }

            RleHybridEncoder.Encode(levels.AsSpan(0, count), 1, body);
        }

        body.PatchInt32LittleEndian(lengthAt, body.Length - lengthAt - 4);
        return values;
    }

    protected SchemaDriftException Drift(ColumnType found) =>
        new(Destination, Name, ColumnTypes.Name(Type), ColumnTypes.Name(found));
}
