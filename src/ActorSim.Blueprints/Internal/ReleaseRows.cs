using System.Globalization;
using System.Text.RegularExpressions;
using ActorSim.Model.Building;
using ActorSim.Model.Time;

namespace ActorSim.Blueprints.Internal;

/// <summary>
/// Turns a schedule's rows into releases: <c>time</c> (seconds, a duration or an ISO-8601 timestamp, which becomes
/// seconds from <c>simulation.start</c>), <c>task</c>, an optional <c>key</c>; every other column is an attribute
/// (typed as a blueprint value: <c>6</c> → int, <c>6.5</c> → double, <c>true</c> → bool, quoted or else → text).
/// Column names match whatever their case. Refusals name the row and the column.
/// </summary>
internal static partial class ReleaseRows
{
    public static IReadOnlyList<Release> Convert(ScheduleTable table, string display, IReadOnlyCollection<string> tasks, DateTime? start)
    {
        var time = Column(table, display, "time", required: true);
        var task = Column(table, display, "task", required: true);
        var key = Column(table, display, "key", required: false);
        var attributes = Enumerable.Range(0, table.Columns.Count).Where(i => i != time && i != task && i != key).ToArray();
        var releases = new List<Release>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var name = Text(row, task) ?? throw Refused(row, "task", "empty; name a task of the line");
            if (!tasks.Contains(name))
            {
                throw Refused(row, "task", $"'{name}' is not a task of the line; tasks: {string.Join(", ", tasks.Order(StringComparer.Ordinal))}");
            }

            Dictionary<string, object>? values = null;
            foreach (var column in attributes)
            {
                if (Attribute(row, column) is { } value)
                {
                    (values ??= new Dictionary<string, object>(StringComparer.Ordinal))[table.Columns[column]] = value;
                }
            }

            releases.Add(new Release(Seconds(row, time, start), name, key < 0 ? null : Text(row, key), values) { Origin = row.Origin });
        }

        return releases;
    }

    private static int Column(ScheduleTable table, string display, string name, bool required)
    {
        var index = -1;
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (string.Equals(table.Columns[i], name, StringComparison.OrdinalIgnoreCase))
            {
                index = index < 0 ? i : throw new ArgumentException($"{display}: the column '{name}' is given twice.");
            }
        }

        if (index < 0 && required)
        {
            throw new ArgumentException(
                $"{display}: no '{name}' column; the columns are {string.Join(", ", table.Columns)}. A schedule needs time and task, optionally key; other columns become attributes.");
        }

        return index;
    }

    private static double Seconds(ScheduleRow row, int column, DateTime? start)
    {
        switch (row.Values[column])
        {
            case null:
                throw Refused(row, "time", "empty; give seconds from the start, a duration or an ISO-8601 timestamp");
            case DateTime timestamp:
                return FromStart(row, timestamp, start);
            case DateTimeOffset zoned:
                return FromStart(row, zoned.UtcDateTime, start);
            case TimeSpan span:
                return span.TotalSeconds;
            case string text:
                if (Scalars.TryNumber(text, out var seconds))
                {
                    return seconds;
                }

                if (DatePrefix().IsMatch(text) && StartTime.TryParse(text, DateTimeOffset.UnixEpoch, out var parsed))
                {
                    return FromStart(row, parsed, start);
                }

                return Durations.TryParseSeconds(text, out seconds)
                    ? seconds
                    : throw Refused(row, "time", $"'{text}' is not seconds (90, 2.5), a duration (5 min, PT1H) or an ISO-8601 timestamp (2026-01-01T08:00:00)");
            case IConvertible number and (byte or short or int or long or float or double or decimal or ushort or uint or ulong or sbyte):
                return number.ToDouble(CultureInfo.InvariantCulture);
            case var other:
                throw Refused(row, "time", $"a {other.GetType().Name} is not a time; give seconds, a duration or a timestamp");
        }
    }

    private static double FromStart(ScheduleRow row, DateTime timestamp, DateTime? start) => start is { } origin
        ? (timestamp - origin).TotalSeconds
        : throw Refused(row, "time", $"the timestamp {timestamp:yyyy-MM-ddTHH:mm:ss} needs simulation.start, from which it becomes seconds; set start or give seconds");

    private static string? Text(ScheduleRow row, int column) => row.Values[column] switch
    {
        null => null,
        string text when text.Trim().Length == 0 => null,
        string text => text.Trim(),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString(),
    };

    private static object? Attribute(ScheduleRow row, int column) => row.Values[column] switch
    {
        null => null,
        string text when row.Quoted is { } quoted && quoted[column] => text,
        string text => text.Length == 0 ? null : Scalars.Infer(text),
        bool or int or long or double or string => row.Values[column],
        byte or sbyte or short or ushort => System.Convert.ToInt32(row.Values[column], CultureInfo.InvariantCulture),
        uint or ulong => System.Convert.ToInt64(row.Values[column], CultureInfo.InvariantCulture),
        float or decimal => System.Convert.ToDouble(row.Values[column], CultureInfo.InvariantCulture),
        DateTime timestamp => timestamp.ToString(timestamp.Kind == DateTimeKind.Utc ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString(),
    };

    private static ArgumentException Refused(ScheduleRow row, string column, string problem) => new($"{row.Origin}: {column}: {problem}.");

    [GeneratedRegex(@"^\s*\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex DatePrefix();
}
