using Parquet.Schema;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>An int64 column; a double value is drift (it would not fit without loss).</summary>
internal sealed class Int64Column(string destination, DataField field) : TypedColumn<long>(destination, field, ColumnType.Int64)
{
    public override void SetInt64(int row, long value) => Values[row] = value;
}
