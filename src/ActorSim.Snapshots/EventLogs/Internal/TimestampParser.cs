using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace ActorSim.Snapshots.EventLogs.Internal;

/// <summary>
/// Parses a record's <c>timestamp</c> text: ActorSim's <c>yyyy-MM-ddTHH:mm:ss.fff</c> with no zone, <c>Z</c> or an offset
/// directly from its digits (the date part cached, as consecutive records share it), anything else ISO-8601 through
/// <see cref="DateTime.TryParse(string, IFormatProvider, DateTimeStyles, out DateTime)"/>. No zone gives an Unspecified
/// time; <c>Z</c> or an offset a UTC one.
/// </summary>
internal sealed class TimestampParser
{
    private const int Fixed = 23; // yyyy-MM-ddTHH:mm:ss.fff

    private ulong _dateHead = ulong.MaxValue;
    private ushort _dateTail;
    private long _dateTicks;

    public bool TryParse(ReadOnlySpan<byte> text, out DateTime value)
    {
        if (text.Length >= Fixed && text[10] == 'T' && text[13] == ':' && text[16] == ':' && text[19] == '.' && TryParseFixed(text, out value))
        {
            return true;
        }

        return TryParseGeneral(text, out value);
    }

    private bool TryParseFixed(ReadOnlySpan<byte> text, out DateTime value)
    {
        value = default;
        if (!TryDate(text, out var dateTicks)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute)
            || !TryDigits(text.Slice(17, 2), out var second) || !TryDigits(text.Slice(20, 3), out var millisecond)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var ticks = dateTicks + (((((hour * 60L) + minute) * 60L) + second) * TimeSpan.TicksPerSecond) + (millisecond * TimeSpan.TicksPerMillisecond);
        var zone = text[Fixed..];
        if (zone.IsEmpty)
        {
            value = new DateTime(ticks, DateTimeKind.Unspecified);
            return true;
        }

        if (zone.Length == 1 && zone[0] == 'Z')
        {
            value = new DateTime(ticks, DateTimeKind.Utc);
            return true;
        }

        if (zone.Length == 6 && zone[0] is (byte)'+' or (byte)'-' && zone[3] == ':'
            && TryDigits(zone.Slice(1, 2), out var offsetHours) && TryDigits(zone.Slice(4, 2), out var offsetMinutes))
        {
            var offset = ((offsetHours * 60L) + offsetMinutes) * TimeSpan.TicksPerMinute;
            ticks -= zone[0] == '+' ? offset : -offset;
            if (ticks is >= 0 and <= 3155378975999999999)
            {
                value = new DateTime(ticks, DateTimeKind.Utc);
                return true;
            }
        }

        return false;
    }

    /// <summary>The ticks of the date in the first 10 bytes, from the cache when it is the last date seen.</summary>
    private bool TryDate(ReadOnlySpan<byte> text, out long ticks)
    {
        var head = BinaryPrimitives.ReadUInt64LittleEndian(text);
        var tail = BinaryPrimitives.ReadUInt16LittleEndian(text[8..]);
        if (head == _dateHead && tail == _dateTail)
        {
            ticks = _dateTicks;
            return true;
        }

        ticks = 0;
        if (text[4] != '-' || text[7] != '-' || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month)
            || !TryDigits(text.Slice(8, 2), out var day) || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        ticks = new DateTime(year, month, day).Ticks;
        (_dateHead, _dateTail, _dateTicks) = (head, tail, ticks);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var b in digits)
        {
            var d = b - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    private static bool TryParseGeneral(ReadOnlySpan<byte> text, out DateTime value)
    {
        if (!DateTime.TryParse(Encoding.UTF8.GetString(text), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out value))
        {
            return false;
        }

        if (value.Kind == DateTimeKind.Local)
        {
            value = value.ToUniversalTime();
        }

        return true;
    }
}
