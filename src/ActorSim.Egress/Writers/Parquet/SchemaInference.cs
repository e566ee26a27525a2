using ActorSim.Egress.Internal;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Writers.Parquet;

/// <summary>
/// Infers a destination's columns from its first batch, in first-seen order: <c>stream_type, sim_ts, timestamp</c>, then
/// <c>key</c> (events) or <c>path_id</c> (telemetry), then the value's columns. A column seen only as null is a string;
/// int64 and double sightings merge to double; any other mix is drift.
/// </summary>
internal static class SchemaInference
{
    public const string StreamType = "stream_type";
    public const string SimTs = "sim_ts";
    public const string Timestamp = "timestamp";
    public const string Key = "key";
    public const string PathId = "path_id";
    public const string Status = "status";
    public const string Value = "value";

    public static List<(string Name, ColumnType Type)> Infer(RecordBatch batch)
    {
        var names = new List<string>();
        var types = new Dictionary<string, ColumnType?>(StringComparer.Ordinal);
        var flatten = batch.Flatten;
        foreach (ref readonly var r in batch.Span)
        {
            See(StreamType, ColumnType.String);
            See(SimTs, ColumnType.Double);
            See(Timestamp, ColumnType.Timestamp);
            if (r.Kind == RecordKind.Event)
            {
                See(Key, ColumnType.String);
                if (r.Status is not null)
                {
                    if (flatten)
                    {
                        See(PathId, ColumnType.String);
                        See(Status, ColumnType.String);
                    }
                    else
                    {
                        See(Value, ColumnType.String);
                    }
                }
                else if (flatten && JsonValues.IsObject(r.Value))
                {
                    foreach (var field in JsonValues.Fields(r.Value!))
                    {
                        See(field.Key, ColumnTypes.Of(field.Value));
                    }
                }
                else
                {
                    See(Value, flatten ? ColumnTypes.Of(r.Value) : ColumnType.String);
                }
            }
            else
            {
                See(PathId, ColumnType.String);
                See(Value, r.Value is null ? ColumnType.Double : ColumnTypes.Of(r.Value));
            }
        }

        return names.Select(n => (n, types[n] ?? ColumnType.String)).ToList();

        void See(string name, ColumnType? type)
        {
            if (!types.TryGetValue(name, out var known))
            {
                names.Add(name);
                types[name] = type;
                return;
            }

            if (type is null || known == type)
            {
                return;
            }

            if (known is null)
            {
                types[name] = type;
                return;
            }

            types[name] = ColumnTypes.Merge(known.Value, type.Value)
                ?? throw new SchemaDriftException(batch.Destination, name, ColumnTypes.Name(known.Value), ColumnTypes.Name(type.Value));
        }
    }
}
