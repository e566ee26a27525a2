using System.Globalization;

namespace ActorSim.Engine;

/// <summary>
/// Writes a simulated time for people: <c>1d 11h10m41.438s</c>, and with the run's logical start the instant it stands
/// for, <c>1d 11h10m41.438s (2026-01-02T11:10:41.438)</c>. Every message that names a simulated time uses it.
/// </summary>
public static class SimTime
{
    /// <summary>The calendar instant <paramref name="seconds"/> after <paramref name="start"/>, to the tick (rounded), keeping its kind.</summary>
    public static DateTime ToInstant(DateTime start, double seconds) => start.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    /// <summary>
    /// <paramref name="seconds"/> as days, hours, minutes and seconds to the millisecond, leading zero units left out
    /// (<c>41.438s</c>, <c>10m41.438s</c>, <c>1d 11h10m41.438s</c>); a time outside 0 to <see cref="TimeSpan.MaxValue"/>
    /// is written as its number of seconds (<c>-1.5s</c>), an infinite one as <c>∞</c>, and NaN as <c>NaN</c>.
    /// </summary>
    public static string Format(double seconds)
    {
        if (!double.IsFinite(seconds))
        {
            // The invariant culture writes "Infinity"; a time never reached reads better as the symbol.
            return double.IsNaN(seconds) ? "NaN" : seconds > 0 ? "∞" : "-∞";
        }

        if (seconds < 0 || seconds >= TimeSpan.MaxValue.TotalSeconds)
        {
            return seconds.ToString("R", CultureInfo.InvariantCulture) + "s";
        }

        var span = TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
        var days = (long)span.TotalDays;
        var inv = CultureInfo.InvariantCulture;
        return days > 0
            ? string.Create(inv, $"{days}d {span.Hours:00}h{span.Minutes:00}m{span.Seconds:00}.{span.Milliseconds:000}s")
            : span.Hours > 0
                ? string.Create(inv, $"{span.Hours}h{span.Minutes:00}m{span.Seconds:00}.{span.Milliseconds:000}s")
                : span.Minutes > 0
                    ? string.Create(inv, $"{span.Minutes}m{span.Seconds:00}.{span.Milliseconds:000}s")
                    : string.Create(inv, $"{span.Seconds}.{span.Milliseconds:000}s");
    }

    /// <summary>
    /// As <see cref="Format(double)"/>, followed by the instant <paramref name="logicalStart"/> + <paramref name="seconds"/>
    /// in brackets (<c>yyyy-MM-ddTHH:mm:ss.fff</c>), left out when that instant is not a date.
    /// </summary>
    public static string Format(double seconds, DateTime logicalStart)
    {
        var text = Format(seconds);
        if (!double.IsFinite(seconds) || seconds < 0 || seconds >= TimeSpan.MaxValue.TotalSeconds)
        {
            return text;
        }

        var ticks = Math.Round(seconds * 1000) * TimeSpan.TicksPerMillisecond;
        if (ticks < -logicalStart.Ticks || ticks > DateTime.MaxValue.Ticks - logicalStart.Ticks)
        {
            return text;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{text} ({logicalStart.AddTicks((long)ticks):yyyy-MM-ddTHH:mm:ss.fff})");
    }
}
