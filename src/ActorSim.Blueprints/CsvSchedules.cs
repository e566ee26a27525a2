using System.Text;

namespace ActorSim.Blueprints;

/// <summary>
/// Reads production schedules from CSV (RFC 4180: a header row, comma-separated, fields optionally in double quotes
/// with <c>""</c> for a quote, UTF-8); the default <see cref="BlueprintOptions.Schedules"/>, which refuses other kinds.
/// </summary>
public sealed class CsvSchedules : IScheduleSourceReader
{
    /// <summary>The reader of CSV files, refusing Parquet and queries with a message saying what reads them.</summary>
    public static CsvSchedules Instance { get; } = new();

    private CsvSchedules()
    {
    }

    /// <inheritdoc />
    public ScheduleTable Read(ScheduleSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Kind != ScheduleSourceKind.Csv)
        {
            var what = source.Kind == ScheduleSourceKind.Parquet ? "a Parquet file" : "a PostgreSQL query";
            throw new ScheduleSourceException(
                $"reading {what} needs a schedule reader that has it: the actorsim command has one; in code, pass BlueprintOptions.Schedules = ActorSim.Snapshots.Schedules.ScheduleSources.Instance.");
        }

        string text;
        try
        {
            text = File.ReadAllText(source.Location, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScheduleSourceException($"cannot read the CSV file '{source.Location}': {e.Message}", e);
        }

        return Parse(text, source.Display);
    }

    /// <summary>The rows of the CSV text <paramref name="csv"/>; rows are named <c>&lt;display&gt;:&lt;line&gt;</c>.</summary>
    /// <exception cref="ScheduleSourceException">No header, an unclosed quote, or a row with a different number of fields.</exception>
    public static ScheduleTable Parse(string csv, string display)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(display);
        var records = new List<(int Line, List<string> Fields, List<bool> Quoted)>();
        var fields = new List<string>();
        var quoted = new List<bool>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var wasQuoted = false;
        var i = csv.Length > 0 && csv[0] == '\uFEFF' ? 1 : 0;
        for (; i < csv.Length; i++)
        {
            var c = csv[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0 && !wasQuoted)
            {
                inQuotes = wasQuoted = true;
            }
            else if (c == ',')
            {
                EndField();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
                {
                    i++;
                }

                EndRecord();
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (inQuotes)
        {
            throw new ScheduleSourceException($"{display}:{recordLine}: a quoted field is not closed before the end of the file.");
        }

        EndRecord();
        if (records.Count == 0)
        {
            throw new ScheduleSourceException($"{display}: the file is empty; it needs a header row (time,task[,key][,attributes…]).");
        }

        var header = records[0];
        var rows = new List<ScheduleRow>(records.Count - 1);
        foreach (var (at, values, quotes) in records.Skip(1))
        {
            if (values.Count != header.Fields.Count)
            {
                throw new ScheduleSourceException(
                    $"{display}:{at}: {values.Count} fields where the header ({display}:{header.Line}) has {header.Fields.Count}.");
            }

            rows.Add(new ScheduleRow($"{display}:{at}", values.Select((v, k) => v.Length == 0 && !quotes[k] ? null : (object)v).ToArray(), quotes));
        }

        return new ScheduleTable(header.Fields.Select(h => h.Trim()).ToArray(), rows);

        void EndField()
        {
            fields.Add(field.ToString());
            quoted.Add(wasQuoted);
            field.Clear();
            wasQuoted = false;
        }

        void EndRecord()
        {
            if (fields.Count == 0 && field.Length == 0 && !wasQuoted)
            {
                return; // a blank line
            }

            EndField();
            records.Add((recordLine, [.. fields], [.. quoted]));
            fields.Clear();
            quoted.Clear();
        }
    }
}
