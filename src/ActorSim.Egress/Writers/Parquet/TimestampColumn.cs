using System.Runtime.CompilerServices;
using ActorSim.Egress.Writers.Parquet.Format;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>A timestamp column: milliseconds since the Unix epoch in an INT64, UTC-adjusted.</summary>
internal sealed class TimestampColumn(string destination, string name, bool required)
    : FixedWidthColumn<long>(destination, new ColumnSchema(name, PhysicalType.Int64, LogicalType.TimestampMillisUtc, required), ColumnType.Timestamp)
{
    [MethodImpl(HotPath.Options)]
    public override void SetTimestamp(int row, long unixMilliseconds) => Set(row, unixMilliseconds);

    protected override bool Accumulate(ReadOnlySpan<long> values, ref long min, ref long max, bool seen) =>
        Int64Statistics.Accumulate(values, ref min, ref max, seen);
}
