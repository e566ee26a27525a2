using System.Globalization;
using System.Text.RegularExpressions;
using ActorSim.Model.Time;

namespace ActorSim.Blueprints.Internal;

/// <summary>
/// The <c>start</c> forms: ISO-8601 without a zone (Unspecified kind), with <c>Z</c> or an offset (converted to UTC),
/// and clock-relative <c>now</c>, <c>now-7d</c>, <c>now - 7 days</c>, <c>-7 days</c>, <c>now+1h</c> (UTC).
/// </summary>
internal static partial class StartTime
{
    public const string AcceptedForms =
        "use an ISO-8601 time (\"2026-01-01T00:00:00\", \"2026-01-01\", \"2026-01-01T00:00:00Z\", \"2026-01-01T02:00:00+02:00\") "
        + "or a time relative to the clock (\"now\", \"now-7d\", \"now - 7 days\", \"-7 days\", \"now+1h\")";

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
    ];

    private static readonly string[] ZonedFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK",
    ];

    public static bool TryParse(string text, DateTimeOffset now, out DateTime start)
    {
        text = text.Trim();
        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            start = DateTime.SpecifyKind(start, DateTimeKind.Unspecified);
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, ZonedFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var zoned))
        {
            start = zoned.UtcDateTime;
            return true;
        }

        return TryRelative(text, now, out start);
    }

    private static bool TryRelative(string text, DateTimeOffset now, out DateTime start)
    {
        start = default;
        var match = RelativePattern().Match(text);
        if (!match.Success || (!match.Groups["now"].Success && !match.Groups["sign"].Success))
        {
            return false;
        }

        double seconds = 0;
        if (match.Groups["sign"].Success)
        {
            if (!Durations.TryParseSeconds(match.Groups["offset"].Value, out seconds))
            {
                return false;
            }

            seconds = match.Groups["sign"].Value == "-" ? -seconds : seconds;
        }

        try
        {
            start = now.UtcDateTime.AddSeconds(seconds);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?<now>now)?\s*(?:(?<sign>[+-])\s*(?<offset>\S.*))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelativePattern();
}
