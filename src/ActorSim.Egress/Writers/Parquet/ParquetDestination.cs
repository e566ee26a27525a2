using System.Buffers;
using System.Text;
using System.Text.Json;
using ActorSim.Egress.Formatting;
using ActorSim.Egress.Internal;
using ActorSim.Model.Records;
using Parquet;
using Parquet.Schema;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>
/// One destination's Parquet schema (fixed by its first batch) and reused column buffers. <c>stream_type</c>,
/// <c>sim_ts</c> and <c>timestamp</c> are required columns (every record has them); all others are nullable, null where a
/// record lacks them. Unflattened event values are stored as JSON text in a string column <c>value</c>.
/// </summary>
internal sealed class ParquetDestination
{
    private static readonly ReadOnlyMemory<char> EventText = "event".AsMemory();
    private static readonly ReadOnlyMemory<char> TelemetryText = "telemetry".AsMemory();

    private readonly string _destination;
    private readonly DateTime _startUtc;
    private readonly int _rowGroupSize;
    private readonly ParquetSchema _schema;
    private readonly ParquetOptions _options;
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
    private char[] _arena = new char[1 << 16];

    public ParquetDestination(RecordBatch firstBatch, DateTime startUtc, ParquetOptions baseOptions, int rowGroupSize)
    {
        _destination = firstBatch.Destination;
        _startUtc = startUtc;
        _rowGroupSize = rowGroupSize;
        _json = new Utf8JsonWriter(_jsonBuffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _toJson = ToJson;
        var inferred = SchemaInference.Infer(firstBatch);
        _options = new ParquetOptions
        {
            CompressionMethod = baseOptions.CompressionMethod,
            CompressionLevel = baseOptions.CompressionLevel,
        };
        _columns = inferred.Select(c => Create(c.Name, c.Type)).ToArray();
        foreach (var column in _columns)
        {
            _byName[column.Name] = column;
            if (column.Type == ColumnType.String && column.Name is not (SchemaInference.Key or SchemaInference.Value))
            {
                _options.ColumnEncodingHints[column.Name] = EncodingHint.Dictionary;
            }
        }

        _schema = new ParquetSchema(_columns.Select(c => (Field)c.Field).ToArray());
        _streamType = _byName[SchemaInference.StreamType];
        _simTs = _byName[SchemaInference.SimTs];
        _timestamp = _byName[SchemaInference.Timestamp];
        _key = _byName.GetValueOrDefault(SchemaInference.Key);
        _pathId = _byName.GetValueOrDefault(SchemaInference.PathId);
        _status = _byName.GetValueOrDefault(SchemaInference.Status);
        _value = _byName.GetValueOrDefault(SchemaInference.Value);
    }

    /// <summary>Encodes <paramref name="batch"/> as a whole Parquet file into <paramref name="output"/>.</summary>
    public async Task WriteAsync(RecordBatch batch, Stream output, CancellationToken cancellationToken)
    {
        Fill(batch);
        var count = batch.Count;
        await using var writer = await ParquetWriter.CreateAsync(_schema, output, _options, false, cancellationToken).ConfigureAwait(false);
        for (var offset = 0; offset < count; offset += _rowGroupSize)
        {
            var rows = Math.Min(_rowGroupSize, count - offset);
            using var rowGroup = writer.CreateRowGroup();
            foreach (var column in _columns)
            {
                await column.WriteAsync(rowGroup, offset, rows, cancellationToken).ConfigureAwait(false);
            }

            rowGroup.CompleteValidate();
        }
    }

    private void Fill(RecordBatch batch)
    {
        var count = batch.Count;
        foreach (var column in _columns)
        {
            column.Reset(count);
        }

        var arenaUsed = 0;
        var flatten = batch.Flatten;
        var records = batch.Span;
        for (var i = 0; i < records.Length; i++)
        {
            ref readonly var r = ref records[i];
            var isEvent = r.Kind == RecordKind.Event;
            _streamType.SetString(i, isEvent ? EventText : TelemetryText);
            var ms = RecordTime.SimMilliseconds(r.SimTime);
            _simTs.SetDouble(i, ms / 1000.0);
            _timestamp.SetTimestamp(i, _startUtc.AddTicks(ms * TimeSpan.TicksPerMillisecond));
            if (isEvent)
            {
                Require(_key, SchemaInference.Key, ColumnType.String).SetString(i, FormatKey(r.Key, ref arenaUsed));
                if (r.Status is { } status)
                {
                    var pathId = r.PathId ?? string.Empty;
                    if (flatten)
                    {
                        Require(_pathId, SchemaInference.PathId, ColumnType.String).SetString(i, pathId.AsMemory());
                        Require(_status, SchemaInference.Status, ColumnType.String).SetString(i, status.AsMemory());
                    }
                    else
                    {
                        Require(_value, SchemaInference.Value, ColumnType.String).SetString(i, LifecycleJson(pathId, status).AsMemory());
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
                        column.SetString(i, ToJson(r.Value).AsMemory());
                    }
                }
            }
            else
            {
                Require(_pathId, SchemaInference.PathId, ColumnType.String).SetString(i, (r.PathId ?? string.Empty).AsMemory());
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

    private ReadOnlyMemory<char> FormatKey(RecordKey key, ref int used)
    {
        if (key.Number < 0 && key.Prefix is not null)
        {
            return key.Prefix.AsMemory();
        }

        int written;
        while (!key.TryFormat(_arena.AsSpan(used), out written))
        {
            // Grow into a new array; slices already handed out keep the old one alive until the batch is written.
            _arena = new char[Math.Max(_arena.Length * 2, (key.Prefix?.Length ?? 0) + 32)];
            used = 0;
        }

        var slice = _arena.AsMemory(used, written);
        used += written;
        return slice;
    }

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
        (SchemaInference.StreamType, ColumnType.String) => new RequiredStringColumn(_destination, name),
        (SchemaInference.SimTs, ColumnType.Double) => new RequiredDoubleColumn(_destination, name),
        (SchemaInference.Timestamp, ColumnType.Timestamp) => new RequiredTimestampColumn(_destination, name),
        _ => CreateNullable(name, type),
    };

    private ColumnBuffer CreateNullable(string name, ColumnType type) => type switch
    {
        ColumnType.String => new StringColumn(_destination, new DataField(name, typeof(string), true)),
        ColumnType.Int64 => new Int64Column(_destination, new DataField(name, typeof(long), true)),
        ColumnType.Double => new DoubleColumn(_destination, new DataField(name, typeof(double), true)),
        ColumnType.Bool => new BoolColumn(_destination, new DataField(name, typeof(bool), true)),
        _ => new TimestampColumn(_destination, new DateTimeDataField(name, DateTimeFormat.Timestamp, true, DateTimeTimeUnit.Millis, true)),
    };
}
