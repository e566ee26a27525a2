using ActorSim.Egress.Writers.Parquet.Format;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>An int64 column.</summary>
internal sealed class Int64Column(string destination, string name)
    : FixedWidthColumn<long>(destination, new ColumnSchema(name, PhysicalType.Int64, LogicalType.None, false), ColumnType.Int64)
{
    public override void SetInt64(int row, long value) => Set(row, value);

    protected override bool Accumulate(ReadOnlySpan<long> values, ref long min, ref long max, bool seen) =>
        Int64Statistics.Accumulate(values, ref min, ref max, seen);
}
