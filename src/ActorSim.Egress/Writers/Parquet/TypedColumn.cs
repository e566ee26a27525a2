using Parquet;
using Parquet.Schema;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>A column of nullable <typeparamref name="T"/> values in a reused array.</summary>
internal abstract class TypedColumn<T>(string destination, DataField field, ColumnType type) : ColumnBuffer(destination, field, type)
    where T : struct
{
    protected T?[] Values { get; private set; } = [];

    public override void Reset(int rows)
    {
        if (Values.Length < rows)
        {
            Values = new T?[Math.Max(rows, Values.Length * 2)];
        }
        else
        {
            Array.Clear(Values, 0, rows);
        }
    }

    public override Task WriteAsync(ParquetRowGroupWriter rowGroup, int offset, int count, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync<T>(Field, Values.AsMemory(offset, count), null, null, cancellationToken);
}
