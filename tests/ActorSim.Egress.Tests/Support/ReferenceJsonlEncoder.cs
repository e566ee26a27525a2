using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using ActorSim.Egress.Formatting;
using ActorSim.Egress.Internal;
using ActorSim.Egress.Writers;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Tests.Support;

/// <summary>
/// The JSON Lines encoder as it was before the direct UTF-8 fast path (commit 89122f3), everything through
/// <see cref="Utf8JsonWriter"/>: the reference the fast encoder's bytes are compared with.
/// </summary>
internal sealed class ReferenceJsonlEncoder : IChunkEncoder
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

    private readonly ArrayBufferWriter<byte>[] _buffers;
    private readonly Utf8JsonWriter _json;
    private readonly TimestampFormatter _timestamps;
    private readonly EncodedTextCache _texts;
    private readonly char[] _key = new char[256];
    private int _turn;

    public ReferenceJsonlEncoder(DateTime logicalStart, int buffers = 2)
    {
        _buffers = Enumerable.Range(0, buffers).Select(_ => new ArrayBufferWriter<byte>(1 << 16)).ToArray();
        var encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        _json = new Utf8JsonWriter(_buffers[0], new JsonWriterOptions { Encoder = encoder, Indented = false, SkipValidation = true });
        _timestamps = new TimestampFormatter(logicalStart);
        _texts = new EncodedTextCache(encoder);
    }

    public ReadOnlyMemory<byte> Encode(RecordBatch batch)
    {
        _turn = (_turn + 1) % _buffers.Length;
        var buffer = _buffers[_turn];
        buffer.ResetWrittenCount();
        _json.Reset(buffer);
        var flatten = batch.Flatten;
        foreach (ref readonly var record in batch.Span)
        {
            WriteRecord(in record, flatten);
            _json.Flush();
            buffer.Write("\n"u8);
            _json.Reset();
        }

        return buffer.WrittenMemory;
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
