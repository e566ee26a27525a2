using Parquet;
using Parquet.Schema;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>
/// One column's values for the batch being encoded, filled row by row straight from records. A typed setter the column
/// cannot take throws a <see cref="SchemaDriftException"/>; int64 into a double column widens.
/// </summary>
internal abstract class ColumnBuffer(string destination, DataField field, ColumnType type)
{
    public DataField Field { get; } = field;

    public ColumnType Type { get; } = type;

    public string Name => Field.Name;

    protected string Destination { get; } = destination;

    /// <summary>Makes room for <paramref name="rows"/> rows, all null.</summary>
    public abstract void Reset(int rows);

    /// <summary>Writes rows [offset, offset+count) to the row group.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, int offset, int count, CancellationToken cancellationToken);

    public virtual void SetString(int row, ReadOnlyMemory<char> value) => throw Drift(ColumnType.String);

    public virtual void SetDouble(int row, double value) => throw Drift(ColumnType.Double);

    public virtual void SetInt64(int row, long value) => throw Drift(ColumnType.Int64);

    public virtual void SetBool(int row, bool value) => throw Drift(ColumnType.Bool);

    public virtual void SetTimestamp(int row, DateTime utc) => throw Drift(ColumnType.Timestamp);

    /// <summary>Sets a custom value by its runtime type (null leaves the row null; objects and lists go as JSON text).</summary>
    public void SetObject(int row, object? value, Func<object, string> toJson)
    {
        switch (value)
        {
            case null:
                break;
            case string s:
                SetString(row, s.AsMemory());
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
                SetTimestamp(row, t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc));
                break;
            case DateTimeOffset o:
                SetTimestamp(row, o.UtcDateTime);
                break;
            default:
                SetString(row, toJson(value).AsMemory());
                break;
        }
    }

    protected SchemaDriftException Drift(ColumnType found) =>
        new(Destination, Name, ColumnTypes.Name(Type), ColumnTypes.Name(found));
}
