using Parquet.Schema;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>A timestamp column (milliseconds, UTC-adjusted); values are UTC <see cref="DateTime"/>s.</summary>
internal sealed class TimestampColumn(string destination, DataField field) : TypedColumn<DateTime>(destination, field, ColumnType.Timestamp)
{
    public override void SetTimestamp(int row, DateTime utc) => Values[row] = utc;
}
