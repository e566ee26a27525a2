using System.Buffers.Text;

namespace ActorSim.Egress.Formatting;

/// <summary>
/// Writes <c>sim_ts</c> as JSON text from its whole milliseconds, the way Python prints the float:
/// <c>1.202</c>, <c>1.2</c>, <c>5.0</c>. Exact because <c>sim_ts</c> is the double nearest to a whole number of milliseconds.
/// </summary>
internal static class SimTsFormatter
{
    /// <summary>Formats <paramref name="milliseconds"/> / 1000 into <paramref name="destination"/> (at least 24 bytes); returns the length.</summary>
    public static int Format(long milliseconds, Span<byte> destination)
    {
        var length = 0;
        if (milliseconds < 0)
        {
            destination[length++] = (byte)'-';
            milliseconds = -milliseconds;
        }

        var whole = milliseconds / 1000;
        var fraction = (int)(milliseconds - (whole * 1000));
        Utf8Formatter.TryFormat(whole, destination[length..], out var digits);
        length += digits;
        destination[length++] = (byte)'.';
        destination[length++] = (byte)('0' + (fraction / 100));
        if (fraction % 100 != 0)
        {
            destination[length++] = (byte)('0' + (fraction / 10 % 10));
            if (fraction % 10 != 0)
            {
                destination[length++] = (byte)('0' + (fraction % 10));
            }
        }

        return length;
    }
}
