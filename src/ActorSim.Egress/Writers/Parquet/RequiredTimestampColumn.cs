using Parquet.Schema;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>A required timestamp column (<c>timestamp</c>: milliseconds, UTC-adjusted).</summary>
internal sealed class RequiredTimestampColumn(string destination, string name)
    : RequiredColumn<DateTime>(destination, new DateTimeDataField(name, DateTimeFormat.Timestamp, true, DateTimeTimeUnit.Millis, false), ColumnType.Timestamp)
{
    public override void SetTimestamp(int row, DateTime utc) => Values[row] = utc;
}
