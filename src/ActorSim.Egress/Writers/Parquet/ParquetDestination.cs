using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;
using System.Text.Json;
using ActorSim.Egress.Formatting;
using ActorSim.Egress.Internal;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>
/// One destination's Parquet schema (fixed by its first batch) and reused column buffers, filled from a batch's records.
/// <c>stream_type</c>, <c>sim_ts</c> and <c>timestamp</c> are required columns (every record has them); all others are
/// nullable, null where a record lacks them. Unflattened event values are stored as JSON text in a string column <c>value</c>.
/// </summary>
internal sealed class ParquetDestination
{
    private const string EventText = "event";
    private const string TelemetryText = "telemetry";

    private readonly string _destination;
    private readonly long _startUnixMilliseconds;
    private readonly ColumnBuffer[] _columns;
    private readonly Dictionary<string, ColumnBuffer> _byName = new(StringComparer.Ordinal);
    private readonly ColumnBuffer _streamType;
    private readonly ColumnBuffer _simTs;
    private readonly ColumnBuffer _timestamp;
    private readonly ColumnBuffer? _key;
    private readonly ColumnBuffer? _pathId;
    private readonly ColumnBuffer? _status;
    private readonly ColumnBuffer? _value;
    private readonly Dictionary<(string PathId, string Status), string> _lifecycleJson = [];
    private readonly ArrayBufferWriter<byte> _jsonBuffer = new(256);
    private readonly Utf8JsonWriter _json;
    private readonly Func<object, string> _toJson;

    public ParquetDestination(RecordBatch firstBatch, long startUnixMilliseconds)
    {
        _destination = firstBatch.Destination;
        _startUnixMilliseconds = startUnixMilliseconds;
        _json = new Utf8JsonWriter(_jsonBuffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _toJson = ToJson;
        _columns = SchemaInference.Infer(firstBatch).Select(c => Create(c.Name, c.Type)).ToArray();
        foreach (var column in _columns)
        {
            _byName[column.Name] = column;
        }

        _streamType = _byName[SchemaInference.StreamType];
        _simTs = _byName[SchemaInference.SimTs];
        _timestamp = _byName[SchemaInference.Timestamp];
        _key = _byName.GetValueOrDefault(SchemaInference.Key);
        _pathId = _byName.GetValueOrDefault(SchemaInference.PathId);
        _status = _byName.GetValueOrDefault(SchemaInference.Status);
        _value = _byName.GetValueOrDefault(SchemaInference.Value);
    }

    /// <summary>The columns, in schema order, holding the batch last filled.</summary>
    public IReadOnlyList<ColumnBuffer> Columns => _columns;

    /// <summary>Fills the columns with <paramref name="batch"/>'s records.</summary>
    [MethodImpl(HotPath.Options)]
    public void Fill(RecordBatch batch)
    {
        var count = batch.Count;
        foreach (var column in _columns)
        {
            column.Reset(count);
        }

        var flatten = batch.Flatten;
        var records = batch.Span;
        for (var i = 0; i < records.Length; i++)
        {
            ref readonly var r = ref records[i];
            var isEvent = r.Kind == RecordKind.Event;
            _streamType.SetString(i, isEvent ? EventText : TelemetryText);
            var ms = RecordTime.SimMilliseconds(r.SimTime);
            _simTs.SetDouble(i, ms / 1000.0);
            _timestamp.SetTimestamp(i, _startUnixMilliseconds + ms);
            if (isEvent)
            {
                Require(_key, SchemaInference.Key, ColumnType.String).SetKey(i, r.Key);
                if (r.Status is { } status)
                {
                    var pathId = r.PathId ?? string.Empty;
                    if (flatten)
                    {
                        Require(_pathId, SchemaInference.PathId, ColumnType.String).SetString(i, pathId);
                        Require(_status, SchemaInference.Status, ColumnType.String).SetString(i, status);
                    }
                    else
                    {
                        Require(_value, SchemaInference.Value, ColumnType.String).SetString(i, LifecycleJson(pathId, status));
                    }
                }
                else if (flatten && JsonValues.IsObject(r.Value))
                {
                    foreach (var field in JsonValues.Fields(r.Value!))
                    {
                        var type = ColumnTypes.Of(field.Value);
                        if (type is not null)
                        {
                            Require(_byName.GetValueOrDefault(field.Key), field.Key, type.Value).SetObject(i, field.Value, _toJson);
                        }
                    }
                }
                else if (r.Value is not null)
                {
                    var column = Require(_value, SchemaInference.Value, flatten ? ColumnTypes.Of(r.Value)!.Value : ColumnType.String);
                    if (flatten)
                    {
                        column.SetObject(i, r.Value, _toJson);
                    }
                    else
                    {
                        column.SetText(i, ToJson(r.Value));
                    }
                }
            }
            else
            {
                Require(_pathId, SchemaInference.PathId, ColumnType.String).SetString(i, r.PathId ?? string.Empty);
                if (r.Value is null)
                {
                    Require(_value, SchemaInference.Value, ColumnType.Double).SetDouble(i, r.Number);
                }
                else
                {
                    Require(_value, SchemaInference.Value, ColumnTypes.Of(r.Value)!.Value).SetObject(i, r.Value, _toJson);
                }
            }
        }
    }

    private ColumnBuffer Require(ColumnBuffer? column, string name, ColumnType found) =>
        column ?? throw new SchemaDriftException(_destination, name, "absent", ColumnTypes.Name(found));

    private string LifecycleJson(string pathId, string status)
    {
        if (!_lifecycleJson.TryGetValue((pathId, status), out var json))
        {
            json = ToJson(new Dictionary<string, object?> { [SchemaInference.PathId] = pathId, [SchemaInference.Status] = status });
            _lifecycleJson[(pathId, status)] = json;
        }

        return json;
    }

    private string ToJson(object value)
    {
        _jsonBuffer.ResetWrittenCount();
        _json.Reset();
        JsonValues.Write(_json, value);
        _json.Flush();
        return Encoding.UTF8.GetString(_jsonBuffer.WrittenSpan);
    }

    private ColumnBuffer Create(string name, ColumnType type) => (name, type) switch
    {
        (SchemaInference.StreamType, ColumnType.String) => new StringColumn(_destination, name, required: true),
        (SchemaInference.SimTs, ColumnType.Double) => new DoubleColumn(_destination, name, required: true),
        (SchemaInference.Timestamp, ColumnType.Timestamp) => new TimestampColumn(_destination, name, required: true),
        (_, ColumnType.String) => new StringColumn(_destination, name, required: false),
        (_, ColumnType.Int64) => new Int64Column(_destination, name),
        (_, ColumnType.Double) => new DoubleColumn(_destination, name, required: false),
        (_, ColumnType.Bool) => new BoolColumn(_destination, name),
        _ => new TimestampColumn(_destination, name, required: false),
    };
}
