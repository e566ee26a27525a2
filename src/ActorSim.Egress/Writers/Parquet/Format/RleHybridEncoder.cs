using System.Runtime.CompilerServices;
namespace ActorSim.Egress.Writers.Parquet.Format;

/// <summary>
/// Parquet's RLE/bit-packing hybrid (definition levels, dictionary indices): runs of eight or more equal values as RLE
/// runs, everything else bit-packed in groups of eight, LSB first. Bit-packed runs hold at most 504 values, as every
/// reader accepts.
/// </summary>
internal static class RleHybridEncoder
{
    private const int MaxPackedValues = 63 * 8;

    [MethodImpl(HotPath.Options)]
    public static void Encode(ReadOnlySpan<int> values, int bitWidth, ByteBuffer output)
    {
        var n = values.Length;
        var pending = 0;
        var i = 0;
        while (i < n)
        {
            var value = values[i];
            var run = 1;
            while (i + run < n && values[i + run] == value)
            {
                run++;
            }

            if (run < 8)
            {
                i += run;
                continue;
            }

            var pendingCount = i - pending;
            if (pendingCount > 0)
            {
                // A bit-packed run holds whole groups of eight: lend it the first values of this run.
                var lend = (8 - (pendingCount & 7)) & 7;
                if (run - lend < 8)
                {
                    i += run;
                    continue;
                }

                BitPack(values.Slice(pending, pendingCount + lend), bitWidth, output);
                i += lend;
                run -= lend;
            }

            WriteRun(value, run, bitWidth, output);
            i += run;
            pending = i;
        }

        if (pending < n)
        {
            BitPack(values[pending..], bitWidth, output);
        }
    }

    /// <summary>One RLE run: <paramref name="count"/> times <paramref name="value"/>.</summary>
    public static void WriteRun(int value, int count, int bitWidth, ByteBuffer output)
    {
        output.WriteVarint((ulong)count << 1);
        for (var b = 0; b < (bitWidth + 7) / 8; b++)
        {
            output.WriteByte((byte)(value >> (8 * b)));
        }
    }

    /// <summary>The bit width that holds every value up to <paramref name="maxValue"/> (at least 1).</summary>
    public static int BitWidth(int maxValue) => Math.Max(1, 32 - int.LeadingZeroCount(maxValue));

    [MethodImpl(HotPath.Options)]
    private static void BitPack(ReadOnlySpan<int> values, int bitWidth, ByteBuffer output)
    {
        while (values.Length > 0)
        {
            var take = Math.Min(values.Length, MaxPackedValues);
            var groups = (take + 7) / 8;
            output.WriteVarint(((ulong)groups << 1) | 1);
            var bytes = output.GetSpan(groups * bitWidth);
            var at = 0;
            ulong bits = 0;
            var held = 0;
            for (var j = 0; j < groups * 8; j++)
            {
                var v = j < take ? (uint)values[j] : 0u;
                bits |= (ulong)v << held;
                held += bitWidth;
                while (held >= 8)
                {
                    bytes[at++] = (byte)bits;
                    bits >>= 8;
                    held -= 8;
                }
            }

            output.Advance(at);
            values = values[take..];
        }
    }
}
