using Parquet.Schema;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>A double column; int64 values widen into it.</summary>
internal sealed class DoubleColumn(string destination, DataField field) : TypedColumn<double>(destination, field, ColumnType.Double)
{
    public override void SetDouble(int row, double value) => Values[row] = value;

    public override void SetInt64(int row, long value) => Values[row] = value;
}
