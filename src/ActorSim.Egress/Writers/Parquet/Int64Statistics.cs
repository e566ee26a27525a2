using System.Runtime.CompilerServices;
namespace ActorSim.Egress.Writers.Parquet;

/// <summary>Min and max of int64 values (int64 and timestamp columns).</summary>
internal static class Int64Statistics
{
    [MethodImpl(HotPath.Options)]
    public static bool Accumulate(ReadOnlySpan<long> values, ref long min, ref long max, bool seen)
    {
        if (values.IsEmpty)
        {
            return seen;
        }

        var lo = values[0];
        var hi = lo;
        foreach (var v in values)
        {
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }

        min = seen ? Math.Min(min, lo) : lo;
        max = seen ? Math.Max(max, hi) : hi;
        return true;
    }
}
