using System.Globalization;

namespace ActorSim.Egress.Formatting;

/// <summary>
/// Writes record timestamps as UTF-8 ISO-8601 with milliseconds (<c>2026-01-01T00:00:01.202</c>, then <c>Z</c> for a UTC
/// start or an offset for a local one), reformatting the date-and-minute prefix only when the minute changes.
/// </summary>
internal sealed class TimestampFormatter
{
    private const int PrefixLength = 17; // yyyy-MM-ddTHH:mm:
    private readonly DateTime _start;
    private readonly byte[] _text = new byte[40];
    private long _minute = long.MinValue;
    private int _length;

    public TimestampFormatter(DateTime logicalStart) => _start = logicalStart;

    /// <summary>The timestamp of a record at <paramref name="simTime"/>; valid until the next call.</summary>
    public ReadOnlySpan<byte> Format(double simTime)
    {
        var ticks = _start.Ticks + (RecordTime.SimMilliseconds(simTime) * TimeSpan.TicksPerMillisecond);
        var minute = ticks - (ticks % TimeSpan.TicksPerMinute);
        if (minute != _minute)
        {
            Refresh(minute);
        }

        var ms = (int)((ticks - minute) / TimeSpan.TicksPerMillisecond);
        var seconds = ms / 1000;
        ms -= seconds * 1000;
        var t = _text;
        t[PrefixLength] = (byte)('0' + (seconds / 10));
        t[PrefixLength + 1] = (byte)('0' + (seconds % 10));
        t[PrefixLength + 3] = (byte)('0' + (ms / 100));
        t[PrefixLength + 4] = (byte)('0' + (ms / 10 % 10));
        t[PrefixLength + 5] = (byte)('0' + (ms % 10));
        return t.AsSpan(0, _length);
    }

    private void Refresh(long minute)
    {
        var at = new DateTime(minute, _start.Kind);
        if (!at.TryFormat(_text, out var written, "yyyy-MM-dd'T'HH:mm:", CultureInfo.InvariantCulture) || written != PrefixLength)
        {
            throw new EgressException($"Timestamp {at:O} cannot be written as yyyy-MM-ddTHH:mm:ss.fff.");
        }

        _text[PrefixLength + 2] = (byte)'.';
        _length = PrefixLength + 6;
        if (_start.Kind == DateTimeKind.Utc)
        {
            _text[_length++] = (byte)'Z';
        }
        else if (_start.Kind == DateTimeKind.Local)
        {
            var offset = TimeZoneInfo.Local.GetUtcOffset(at);
            offset.TryFormat(_text.AsSpan(_length + 1), out var n, @"hh\:mm", CultureInfo.InvariantCulture);
            _text[_length] = (byte)(offset < TimeSpan.Zero ? '-' : '+');
            _length += n + 1;
        }

        _minute = minute;
    }
}
