using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using ActorSim.Egress.Formatting;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Writers;

/// <summary>
/// Writes any record as one JSON line through a reused <see cref="Utf8JsonWriter"/>: the general path behind
/// <see cref="JsonlLineWriter"/>, for custom values and strings it does not cache. It defines the JSONL format.
/// </summary>
internal sealed class JsonlRecordWriter
{
    private static readonly JsonEncodedText StreamType = JsonEncodedText.Encode("stream_type");
    private static readonly JsonEncodedText SimTs = JsonEncodedText.Encode("sim_ts");
    private static readonly JsonEncodedText Timestamp = JsonEncodedText.Encode("timestamp");
    private static readonly JsonEncodedText Key = JsonEncodedText.Encode("key");
    private static readonly JsonEncodedText PathId = JsonEncodedText.Encode("path_id");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText EventText = JsonEncodedText.Encode("event");
    private static readonly JsonEncodedText TelemetryText = JsonEncodedText.Encode("telemetry");

    private readonly Utf8JsonWriter _json;
    private readonly TimestampFormatter _timestamps;
    private readonly EncodedTextCache _texts;
    private readonly char[] _key = new char[256];
    private IBufferWriter<byte> _output;

    public JsonlRecordWriter(IBufferWriter<byte> output, JavaScriptEncoder encoder, TimestampFormatter timestamps)
    {
        _output = output;
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = encoder, Indented = false, SkipValidation = true });
        _timestamps = timestamps;
        _texts = new EncodedTextCache(encoder);
    }

    /// <summary>Makes the following lines go to <paramref name="output"/>.</summary>
    public void Reset(IBufferWriter<byte> output)
    {
        _output = output;
        _json.Reset(output);
    }

    /// <summary>Writes <paramref name="r"/> and its newline.</summary>
    public void WriteLine(in SimRecord r, bool flatten)
    {
        WriteRecord(in r, flatten);
        _json.Flush();
        _output.Write("\n"u8);
        _json.Reset();
    }

    private void WriteRecord(in SimRecord r, bool flatten)
    {
        var json = _json;
        json.WriteStartObject();
        var isEvent = r.Kind == RecordKind.Event;
        json.WriteString(StreamType, isEvent ? EventText : TelemetryText);
        json.WritePropertyName(SimTs);
        Span<byte> number = stackalloc byte[24];
        json.WriteRawValue(number[..SimTsFormatter.Format(RecordTime.SimMilliseconds(r.SimTime), number)], skipInputValidation: true);
        json.WriteString(Timestamp, _timestamps.Format(r.SimTime));
        if (isEvent)
        {
            WriteKey(in r);
            if (r.Status is { } status)
            {
                if (!flatten)
                {
                    json.WritePropertyName(Value);
                    json.WriteStartObject();
                }

                _texts.WriteString(json, PathId, r.PathId ?? string.Empty);
                _texts.WriteString(json, Status, status);
                if (!flatten)
                {
                    json.WriteEndObject();
                }
            }
            else if (flatten && JsonValues.IsObject(r.Value))
            {
                foreach (var field in JsonValues.Fields(r.Value!))
                {
                    json.WritePropertyName(field.Key);
                    JsonValues.Write(json, field.Value);
                }
            }
            else
            {
                json.WritePropertyName(Value);
                JsonValues.Write(json, r.Value);
            }
        }
        else
        {
            _texts.WriteString(json, PathId, r.PathId ?? string.Empty);
            json.WritePropertyName(Value);
            if (r.Value is null)
            {
                JsonValues.WriteNumber(json, r.Number);
            }
            else
            {
                JsonValues.Write(json, r.Value);
            }
        }

        json.WriteEndObject();
    }

    private void WriteKey(in SimRecord r)
    {
        if (r.Key.TryFormat(_key, out var length))
        {
            _json.WriteString(Key, _key.AsSpan(0, length));
        }
        else
        {
            _json.WriteString(Key, r.Key.ToString());
        }
    }
}
