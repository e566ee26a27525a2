using Parquet.Schema;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>A string column; values are slices of strings or of the batch's text arena, so filling it allocates nothing.</summary>
internal sealed class StringColumn(string destination, DataField field) : TypedColumn<ReadOnlyMemory<char>>(destination, field, ColumnType.String)
{
    public override void SetString(int row, ReadOnlyMemory<char> value) => Values[row] = value;
}
