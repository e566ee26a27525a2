using System.Text.Json;
using ActorSim.Model.Records;

namespace ActorSim.Snapshots.EventLogs.Internal;

/// <summary>
/// Reads a JSONL chunk's records with <see cref="Utf8JsonReader"/> over its bytes, one line at a time and no document
/// per record: fields in any order, flattened (<c>path_id</c>, <c>status</c> at the top) or nested in <c>value</c>,
/// unknown fields skipped. A line that is not such a record throws an <see cref="EventLogException"/> naming file and line.
/// </summary>
internal sealed class JsonlChunkReader(StringPool strings)
{
    private readonly TimestampParser _timestamps = new();

    private enum Field
    {
        Other,
        StreamType,
        SimTs,
        Timestamp,
        Key,
        PathId,
        Status,
        Value,
    }

    /// <summary>
    /// Adds the records of <paramref name="bytes"/> before <paramref name="until"/> to <paramref name="output"/>; true when
    /// it stopped at a record at or after it (a chunk's records are in time order).
    /// </summary>
    public bool Read(ReadOnlySpan<byte> bytes, string location, string file, RecordBuffer output, double until)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var line = 0L;
        while (!bytes.IsEmpty)
        {
            line++;
            var end = bytes.IndexOf((byte)'\n');
            var text = end < 0 ? bytes : bytes[..end];
            bytes = end < 0 ? default : bytes[(end + 1)..];
            if (text.TrimEnd(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            LoggedRecord record;
            try
            {
                record = ParseLine(text);
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException or FormatException)
            {
                throw new EventLogException($"{location}/{file}, line {line}: {e.Message}", e) { File = file, Line = line };
            }

            if (record.SimTime >= until)
            {
                return true;
            }

            output.Add(record);
        }

        return false;
    }

    private LoggedRecord ParseLine(ReadOnlySpan<byte> line)
    {
        var json = new Utf8JsonReader(line);
        if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidDataException($"a record must be a JSON object, found {json.TokenType}.");
        }

        RecordKind? kind = null;
        double? simTime = null;
        DateTime? timestamp = null;
        string? key = null, pathId = null, status = null, nestedPathId = null, nestedStatus = null;
        double? number = null;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldOf(ref json);
            json.Read();
            switch (field)
            {
                case Field.StreamType:
                    kind = KindOf(ref json);
                    break;
                case Field.SimTs:
                    simTime = json.TokenType == JsonTokenType.Number
                        ? SimTs(ref json)
                        : throw new InvalidDataException($"sim_ts must be a number of seconds, found {json.TokenType}.");
                    break;
                case Field.Timestamp:
                    timestamp = TimestampOf(ref json);
                    break;
                case Field.Key:
                    key = json.TokenType switch
                    {
                        JsonTokenType.String => json.GetString(),
                        JsonTokenType.Null => null,
                        _ => throw new InvalidDataException($"key must be a string, found {json.TokenType}."),
                    };
                    break;
                case Field.PathId:
                    pathId = PooledString(ref json);
                    break;
                case Field.Status:
                    status = PooledString(ref json);
                    break;
                case Field.Value:
                    if (json.TokenType == JsonTokenType.StartObject)
                    {
                        (nestedPathId, nestedStatus) = NestedValue(ref json);
                    }
                    else if (json.TokenType == JsonTokenType.Number && json.TryGetDouble(out var n))
                    {
                        number = n;
                    }
                    else
                    {
                        json.Skip();
                    }

                    break;
                default:
                    json.Skip();
                    break;
            }
        }

        if (json.Read())
        {
            throw new InvalidDataException("a line must hold one JSON object, and this one holds more.");
        }

        if (kind is null || simTime is null)
        {
            throw new InvalidDataException($"a record needs stream_type and sim_ts; this one has no {(kind is null ? "stream_type" : "sim_ts")}.");
        }

        return kind == RecordKind.Event
            ? new LoggedRecord(RecordKind.Event, simTime.Value, timestamp, key, pathId ?? nestedPathId, status ?? nestedStatus, null)
            : new LoggedRecord(RecordKind.Telemetry, simTime.Value, timestamp, null, pathId, null, number);
    }

    /// <summary>Reads an event's value object up to its end: its <c>path_id</c> and <c>status</c>, other fields skipped.</summary>
    private (string? PathId, string? Status) NestedValue(ref Utf8JsonReader json)
    {
        string? pathId = null, status = null;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var field = FieldOf(ref json);
            json.Read();
            if (field == Field.PathId)
            {
                pathId = PooledString(ref json);
            }
            else if (field == Field.Status)
            {
                status = PooledString(ref json);
            }
            else
            {
                json.Skip();
            }
        }

        return (pathId, status);
    }

    private static Field FieldOf(ref Utf8JsonReader json)
    {
        if (!json.ValueIsEscaped)
        {
            return Match(json.ValueSpan);
        }

        Span<byte> unescaped = stackalloc byte[32];
        return json.ValueSpan.Length > unescaped.Length ? Field.Other : Match(unescaped[..json.CopyString(unescaped)]);
    }

    private static Field Match(ReadOnlySpan<byte> name) => name.Length switch
    {
        3 when name.SequenceEqual("key"u8) => Field.Key,
        5 when name.SequenceEqual("value"u8) => Field.Value,
        6 when name.SequenceEqual("sim_ts"u8) => Field.SimTs,
        6 when name.SequenceEqual("status"u8) => Field.Status,
        7 when name.SequenceEqual("path_id"u8) => Field.PathId,
        9 when name.SequenceEqual("timestamp"u8) => Field.Timestamp,
        11 when name.SequenceEqual("stream_type"u8) => Field.StreamType,
        _ => Field.Other,
    };

    private static RecordKind KindOf(ref Utf8JsonReader json)
    {
        if (json.TokenType == JsonTokenType.String)
        {
            if (json.ValueTextEquals("event"u8))
            {
                return RecordKind.Event;
            }

            if (json.ValueTextEquals("telemetry"u8))
            {
                return RecordKind.Telemetry;
            }
        }

        var found = json.TokenType == JsonTokenType.String ? $"\"{json.GetString()}\"" : json.TokenType.ToString();
        throw new InvalidDataException($"stream_type must be \"event\" or \"telemetry\", found {found}.");
    }

    private DateTime? TimestampOf(ref Utf8JsonReader json)
    {
        if (json.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (json.TokenType != JsonTokenType.String)
        {
            throw new InvalidDataException($"timestamp must be an ISO-8601 string, found {json.TokenType}.");
        }

        DateTime value;
        var parsed = json.ValueIsEscaped ? TryParseEscaped(ref json, out value) : _timestamps.TryParse(json.ValueSpan, out value);
        return parsed ? value : throw new InvalidDataException($"timestamp \"{json.GetString()}\" is not an ISO-8601 date and time.");
    }

    private bool TryParseEscaped(ref Utf8JsonReader json, out DateTime value)
    {
        Span<byte> unescaped = stackalloc byte[64];
        value = default;
        return json.ValueSpan.Length <= unescaped.Length && _timestamps.TryParse(unescaped[..json.CopyString(unescaped)], out value);
    }

    private string? PooledString(ref Utf8JsonReader json) => json.TokenType != JsonTokenType.String ? null
        : json.ValueIsEscaped ? strings.Get(json.GetString().AsSpan())
        : strings.Get(json.ValueSpan);

    /// <summary>
    /// <c>sim_ts</c> as written (<c>1.202</c>, <c>5.0</c>): whole milliseconds divided by 1000, the same double a full
    /// parse gives; other number forms (exponents, more decimals) through the general parser.
    /// </summary>
    private static double SimTs(ref Utf8JsonReader json)
    {
        var text = json.ValueSpan;
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var negative = i == 1;
        long whole = 0, fraction = 0;
        int wholeDigits = 0, fractionDigits = 0;
        for (; i < text.Length && (uint)(text[i] - '0') <= 9; i++, wholeDigits++)
        {
            whole = (whole * 10) + (text[i] - '0');
        }

        if (i < text.Length && text[i] == '.')
        {
            for (i++; i < text.Length && (uint)(text[i] - '0') <= 9 && fractionDigits < 3; i++, fractionDigits++)
            {
                fraction = (fraction * 10) + (text[i] - '0');
            }
        }

        if (i != text.Length || wholeDigits is 0 or > 15)
        {
            return json.GetDouble();
        }

        for (; fractionDigits < 3; fractionDigits++)
        {
            fraction *= 10;
        }

        var milliseconds = (whole * 1000) + fraction;
        return (negative ? -milliseconds : milliseconds) / 1000.0;
    }
}
