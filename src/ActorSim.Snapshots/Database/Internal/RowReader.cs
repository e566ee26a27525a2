using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace ActorSim.Snapshots.Database.Internal;

/// <summary>
/// Reads the rows of one relation column by column, by name (any letter case), checking each value's type: a missing
/// column, a null where a value is needed or a value of the wrong type is refused naming the relation, the row's key and
/// the column.
/// </summary>
internal sealed class RowReader
{
    private readonly DbDataReader _reader;
    private readonly RelationSource _source;
    private readonly string _keyColumn;
    private readonly Dictionary<string, int> _columns;
    private int _number;
    private string? _key;
    private string? _line;

    private RowReader(DbDataReader reader, RelationSource source, string keyColumn, Dictionary<string, int> columns)
    {
        _reader = reader;
        _source = source;
        _keyColumn = keyColumn;
        _columns = columns;
    }

    /// <summary>A reader of <paramref name="reader"/>'s rows; a column of <paramref name="required"/> that it lacks is refused, listing what it has.</summary>
    public static RowReader Open(DbDataReader reader, RelationSource source, string keyColumn, string[] required, string[] optional)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            columns.TryAdd(reader.GetName(i), i);
        }

        foreach (var column in required)
        {
            if (!columns.ContainsKey(column))
            {
                var has = reader.FieldCount == 0 ? "none" : string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
                var optionalText = optional.Length == 0 ? string.Empty : $" and optionally {string.Join(", ", optional)}";
                throw Refusal.Relation(source, $"no column '{column}'; it has {has}. Its rows need {string.Join(", ", required)}{optionalText}.");
            }
        }

        return new RowReader(reader, source, keyColumn, columns);
    }

    /// <summary>Moves to the next row; false at the end.</summary>
    public async Task<bool> NextAsync(CancellationToken cancellationToken)
    {
        if (!await _reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        (_number, _key, _line) = (_number + 1, null, null);
        return true;
    }

    /// <summary>Reads the key column first: later refusals of the row name it.</summary>
    public string Key()
    {
        _key = Text(_keyColumn);
        return _key;
    }

    /// <summary>Reads the line column: later refusals of the row name it.</summary>
    public string Line()
    {
        _line = Text("line");
        return _line;
    }

    /// <summary>A text (a whole number is taken as its digits); null and empty text are refused.</summary>
    public string Text(string column)
    {
        var value = Read(column);
        var text = value switch
        {
            string s => s,
            long or int or short => Convert.ToString(value, CultureInfo.InvariantCulture)!,
            null => throw Refuse(column, "must not be null"),
            _ => throw Refuse(column, $"expected a text, got {Describe(column, value)}"),
        };
        return text.Length > 0 ? text : throw Refuse(column, "must not be empty");
    }

    /// <summary>A whole number (integer, or numeric without a fraction); null when absent or null, unless required.</summary>
    public long? Whole(string column, bool required)
    {
        if (!_columns.ContainsKey(column))
        {
            return null;
        }

        return Read(column) switch
        {
            null when required => throw Refuse(column, "must not be null"),
            null => null,
            long l => l,
            int i => i,
            short s => s,
            decimal m when decimal.Truncate(m) == m && m is >= long.MinValue and <= long.MaxValue => (long)m,
            var other => throw Refuse(column, $"expected a whole number (integer), got {Describe(column, other)}"),
        };
    }

    /// <summary>A timestamp (timestamptz, or timestamp taken as UTC) as UTC; null when absent or null, unless required.</summary>
    public DateTime? Timestamp(string column, bool required)
    {
        if (!_columns.ContainsKey(column))
        {
            return null;
        }

        return Read(column) switch
        {
            null when required => throw Refuse(column, "must not be null"),
            null => null,
            DateTime t => t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : DateTime.SpecifyKind(t, DateTimeKind.Utc),
            DateTimeOffset t => t.UtcDateTime,
            var other => throw Refuse(column, $"expected a timestamp (timestamptz), got {Describe(column, other)}"),
        };
    }

    /// <summary>A registry value: a json/jsonb value, a number, a boolean or a text (converted by the registry).</summary>
    public object Value(string column)
    {
        var value = Read(column);
        var type = _reader.GetDataTypeName(_columns[column]);
        switch (value)
        {
            case null:
                throw Refuse(column, "must not be null");
            case string json when type is "json" or "jsonb":
                try
                {
                    using var document = JsonDocument.Parse(json);
                    return document.RootElement.ValueKind == JsonValueKind.Null
                        ? throw Refuse(column, "must not be JSON null")
                        : document.RootElement.Clone();
                }
                catch (JsonException e)
                {
                    throw Refuse(column, $"is not valid JSON: {e.Message}");
                }

            case string or bool or long or double:
                return value;
            case int or short:
                return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            case float f:
                return (double)f;
            case decimal m:
                return decimal.Truncate(m) == m && m is >= long.MinValue and <= long.MaxValue ? (long)m : (double)m;
            default:
                throw Refuse(column, $"expected a JSON value, a number, a boolean or a text, got {Describe(column, value)}");
        }
    }

    /// <summary>A refusal of this row at <paramref name="column"/>.</summary>
    public Exception Refuse(string column, string problem) =>
        _key is null ? Refusal.RowAt(_source, _number, column, problem) : Refusal.Row(_source, _keyColumn, _key, _line, column, problem);

    private object? Read(string column)
    {
        var index = _columns[column];
        try
        {
            return _reader.IsDBNull(index) ? null : _reader.GetValue(index);
        }
        catch (Exception e) when (e is InvalidCastException or NotSupportedException or OverflowException or FormatException)
        {
            throw Refuse(column, $"cannot be read ({_reader.GetDataTypeName(index)}): {e.Message}");
        }
    }

    private string Describe(string column, object value) =>
        string.Create(CultureInfo.InvariantCulture, $"{_reader.GetDataTypeName(_columns[column])} {(value is string s ? $"'{s}'" : value)}");
}
