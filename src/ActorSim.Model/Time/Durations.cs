using System.Globalization;
using System.Text.RegularExpressions;

namespace ActorSim.Model.Time;

/// <summary>
/// Parses durations written by people into seconds: dynamic-des's <c>time_to_seconds</c> forms
/// (<c>"30 s"</c>, <c>"5min"</c>, <c>"1 week"</c>), ISO-8601 durations (<c>"PT8H"</c>, <c>"P1DT2H30M"</c>,
/// <c>"P1W"</c>) and plain numbers of seconds (<c>"90"</c>). A month is 30 days and a year 365 days.
/// </summary>
public static partial class Durations
{
    private const string AcceptedForms =
        "use a number of seconds (\"90\", \"2.5\"), a number and a unit (\"30 s\", \"5 min\", \"8 h\", \"2 days\", "
        + "\"1 week\", \"3 months\", \"1 year\"; units s, sec, secs, second, seconds, m, min, mins, minute, minutes, "
        + "h, hr, hrs, hour, hours, d, day, days, w, wk, wks, week, weeks, mo, month, months, y, yr, yrs, year, years) "
        + "or an ISO-8601 duration (\"PT8H\", \"P1DT2H30M\", \"PT0.5S\", \"P1W\")";

    private const double Minute = 60;
    private const double Hour = 3600;
    private const double Day = 86400;
    private const double Week = 604800;
    private const double Month = 2592000;
    private const double Year = 31536000;

    private static readonly Dictionary<string, double> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["s"] = 1, ["sec"] = 1, ["secs"] = 1, ["second"] = 1, ["seconds"] = 1,
        ["m"] = Minute, ["min"] = Minute, ["mins"] = Minute, ["minute"] = Minute, ["minutes"] = Minute,
        ["h"] = Hour, ["hr"] = Hour, ["hrs"] = Hour, ["hour"] = Hour, ["hours"] = Hour,
        ["d"] = Day, ["day"] = Day, ["days"] = Day,
        ["w"] = Week, ["wk"] = Week, ["wks"] = Week, ["week"] = Week, ["weeks"] = Week,
        ["mo"] = Month, ["month"] = Month, ["months"] = Month,
        ["y"] = Year, ["yr"] = Year, ["yrs"] = Year, ["year"] = Year, ["years"] = Year,
    };

    /// <summary>The seconds in <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text is none of the accepted forms; the message lists them.</exception>
    public static double ParseSeconds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParseSeconds(text, out double seconds))
        {
            return seconds;
        }

        throw new FormatException($"'{text}' is not a duration; {AcceptedForms}.");
    }

    /// <summary>Parses <paramref name="text"/> like <see cref="ParseSeconds"/>, returning false instead of throwing.</summary>
    public static bool TryParseSeconds(string? text, out double seconds)
    {
        seconds = 0;
        if (text is null)
        {
            return false;
        }

        double result;
        Match match = UnitPattern().Match(text);
        if (match.Success)
        {
            if (!Units.TryGetValue(match.Groups["unit"].Value, out double unit))
            {
                return false;
            }

            result = Number(match.Groups["number"].Value) * unit;
        }
        else if ((match = NumberPattern().Match(text)).Success)
        {
            result = Number(match.Groups["number"].Value);
        }
        else if (!TryParseIso(text.Trim(), out result))
        {
            return false;
        }

        if (!double.IsFinite(result))
        {
            return false;
        }

        seconds = result;
        return true;
    }

    private static bool TryParseIso(string text, out double seconds)
    {
        seconds = 0;
        Match match = IsoPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        bool any = false;
        bool anyTime = false;
        (string Group, double Scale, bool IsTime)[] parts =
        [
            ("y", Year, false), ("mo", Month, false), ("w", Week, false), ("d", Day, false),
            ("h", Hour, true), ("mi", Minute, true), ("s", 1, true),
        ];
        foreach (var (group, scale, isTime) in parts)
        {
            Group g = match.Groups[group];
            if (g.Success)
            {
                seconds += Number(g.Value) * scale;
                any = true;
                anyTime |= isTime;
            }
        }

        // "P" alone and "P1DT" (a time designator with no time part) are not durations.
        return any && (!match.Groups["t"].Success || anyTime);
    }

    private static double Number(string digits) => double.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(?<number>[0-9]+(\.[0-9]+)?)\s*(?<unit>[a-z]+)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnitPattern();

    [GeneratedRegex(@"^\s*(?<number>[0-9]+(\.[0-9]+)?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(
        @"^P(?:(?<y>[0-9]+(?:\.[0-9]+)?)Y)?(?:(?<mo>[0-9]+(?:\.[0-9]+)?)M)?(?:(?<w>[0-9]+(?:\.[0-9]+)?)W)?(?:(?<d>[0-9]+(?:\.[0-9]+)?)D)?"
        + @"(?<t>T(?:(?<h>[0-9]+(?:\.[0-9]+)?)H)?(?:(?<mi>[0-9]+(?:\.[0-9]+)?)M)?(?:(?<s>[0-9]+(?:\.[0-9]+)?)S)?)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();
}
