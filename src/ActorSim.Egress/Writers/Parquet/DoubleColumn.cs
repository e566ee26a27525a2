using System.Runtime.CompilerServices;
using ActorSim.Egress.Writers.Parquet.Format;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>
/// A double column; int64 values widen into it. NaN takes no part in the statistics, and a zero bound is written as
/// -0.0 (min) or +0.0 (max), as the Parquet format asks.
/// </summary>
internal sealed class DoubleColumn(string destination, string name, bool required)
    : FixedWidthColumn<double>(destination, new ColumnSchema(name, PhysicalType.Double, LogicalType.None, required), ColumnType.Double)
{
    [MethodImpl(HotPath.Options)]
    public override void SetDouble(int row, double value) => Set(row, value);

    public override void SetInt64(int row, long value) => Set(row, value);

    [MethodImpl(HotPath.Options)]
    protected override bool Accumulate(ReadOnlySpan<double> values, ref double min, ref double max, bool seen)
    {
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            if (!seen)
            {
                min = max = v;
                seen = true;
            }
            else if (v < min)
            {
                min = v;
            }
            else if (v > max)
            {
                max = v;
            }
        }

        if (seen)
        {
            min = min == 0 ? -0.0 : min;
            max = max == 0 ? 0.0 : max;
        }

        return seen;
    }
}
