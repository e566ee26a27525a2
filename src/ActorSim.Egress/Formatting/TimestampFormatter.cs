using System.Globalization;

namespace ActorSim.Egress.Formatting;

/// <summary>
/// Writes record timestamps as UTF-8 ISO-8601 with milliseconds (<c>2026-01-01T00:00:01.202</c>, then <c>Z</c> for a UTC
/// start or an offset for a local one), reformatting the date-and-minute prefix only when the minute changes.
/// </summary>
internal sealed class TimestampFormatter
{
    /// <summary>The most bytes a timestamp has (29 with an offset), and the room <see cref="Write"/> needs.</summary>
    public const int MaxLength = 32;

    private const int PrefixLength = 17; // yyyy-MM-ddTHH:mm:
    private readonly DateTime _start;
    private readonly bool _wholeMilliseconds;
    private readonly byte[] _text = new byte[MaxLength];
    private long _minute = long.MinValue;
    private long _minuteStart;
    private long _minuteLength;
    private int _length;

    public TimestampFormatter(DateTime logicalStart)
    {
        _start = logicalStart;
        _wholeMilliseconds = logicalStart.Ticks % TimeSpan.TicksPerMillisecond == 0;
    }

    /// <summary>The timestamp of a record at <paramref name="simTime"/>; valid until the next call.</summary>
    public ReadOnlySpan<byte> Format(double simTime)
    {
        Update(RecordTime.SimMilliseconds(simTime));
        return _text.AsSpan(0, _length);
    }

    /// <summary>
    /// Writes the timestamp of a record whose <c>sim_ts</c> is <paramref name="simMilliseconds"/> into the first
    /// <see cref="MaxLength"/> bytes of <paramref name="destination"/> (a fixed-size copy); returns its length.
    /// </summary>
    public int Write(long simMilliseconds, Span<byte> destination)
    {
        Update(simMilliseconds);
        _text.AsSpan(0, MaxLength).CopyTo(destination);
        return _length;
    }

    /// <summary>
    /// Puts the record's seconds and milliseconds into the text. When the start is a whole number of milliseconds, the
    /// current minute is a range of sim milliseconds, so most records need no 64-bit division.
    /// </summary>
    private void Update(long simMilliseconds)
    {
        var inMinute = simMilliseconds - _minuteStart;
        if ((ulong)inMinute >= (ulong)_minuteLength)
        {
            var ticks = _start.Ticks + (simMilliseconds * TimeSpan.TicksPerMillisecond);
            var minute = ticks - (ticks % TimeSpan.TicksPerMinute);
            if (minute != _minute)
            {
                Refresh(minute);
            }

            inMinute = (ticks - minute) / TimeSpan.TicksPerMillisecond;
            if (_wholeMilliseconds)
            {
                _minuteStart = simMilliseconds - inMinute;
                _minuteLength = TimeSpan.MillisecondsPerMinute;
            }
        }

        var ms = (int)inMinute;
        var seconds = ms / 1000;
        ms -= seconds * 1000;
        var t = _text.AsSpan(PrefixLength, 6);
        t[5] = (byte)('0' + (ms % 10));
        t[4] = (byte)('0' + (ms / 10 % 10));
        t[3] = (byte)('0' + (ms / 100));
        t[1] = (byte)('0' + (seconds % 10));
        t[0] = (byte)('0' + (seconds / 10));
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
