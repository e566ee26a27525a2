using System.Runtime.CompilerServices;
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

    /// <summary><c>000</c> to <c>999</c>, one ASCII digit per byte from the low byte.</summary>
    private static readonly uint[] ThreeDigits = Enumerable.Range(0, 1000)
        .Select(i => (uint)('0' + (i / 100)) | ((uint)('0' + (i / 10 % 10)) << 8) | ((uint)('0' + (i % 10)) << 16)).ToArray();

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
        PutSeconds(_text, MillisecondOfMinute(RecordTime.SimMilliseconds(simTime)));
        return _text.AsSpan(0, _length);
    }

    /// <summary>
    /// Writes the timestamp of a record whose <c>sim_ts</c> is <paramref name="simMilliseconds"/> into the first
    /// <see cref="MaxLength"/> bytes of <paramref name="destination"/> (a fixed-size copy); returns its length.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    public int Write(long simMilliseconds, Span<byte> destination)
    {
        var inMinute = MillisecondOfMinute(simMilliseconds);
        _text.AsSpan(0, MaxLength).CopyTo(destination);
        PutSeconds(destination, inMinute);
        return _length;
    }

    /// <summary>Writes <c>ss.fff</c> after the minute's prefix.</summary>
    [MethodImpl(HotPath.Options)]
    private static void PutSeconds(Span<byte> text, int inMinute)
    {
        var seconds = inMinute / 1000;
        var s = ThreeDigits[seconds];
        var f = ThreeDigits[inMinute - (seconds * 1000)];
        var t = text.Slice(PrefixLength, 6);
        t[0] = (byte)(s >> 8);
        t[1] = (byte)(s >> 16);
        t[3] = (byte)f;
        t[4] = (byte)(f >> 8);
        t[5] = (byte)(f >> 16);
    }

    /// <summary>
    /// The record's millisecond within its minute, with the minute's prefix in the text. When the start is a whole number
    /// of milliseconds, the current minute is a range of sim milliseconds, so most records need no 64-bit division.
    /// </summary>
    [MethodImpl(HotPath.Options)]
    private int MillisecondOfMinute(long simMilliseconds)
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

        return (int)inMinute;
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
