using Parquet.Schema;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>A boolean column.</summary>
internal sealed class BoolColumn(string destination, DataField field) : TypedColumn<bool>(destination, field, ColumnType.Bool)
{
    public override void SetBool(int row, bool value) => Values[row] = value;
}
