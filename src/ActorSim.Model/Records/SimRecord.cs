namespace ActorSim.Model.Records;

/// <summary>
/// One output record, as dynamic-des publishes it, kept compact so the engine thread formats nothing:
/// an event <c>{stream_type: "event", sim_ts, timestamp, key, value}</c> or a telemetry sample
/// <c>{stream_type: "telemetry", sim_ts, timestamp, path_id, value}</c>. The timestamp is derived from the
/// run's logical start and <see cref="SimTime"/> when the record is written.
/// </summary>
public readonly struct SimRecord
{
    private SimRecord(RecordKind kind, double simTime, RecordKey key, string? pathId, string? status, double number, object? value)
    {
        Kind = kind;
        SimTime = simTime;
        Key = key;
        PathId = pathId;
        Status = status;
        Number = number;
        Value = value;
    }

    /// <summary>Event or telemetry.</summary>
    public RecordKind Kind { get; }

    /// <summary>Simulated seconds, unrounded (writers round <c>sim_ts</c> to milliseconds).</summary>
    public double SimTime { get; }

    /// <summary>The event key (events only).</summary>
    public RecordKey Key { get; }

    /// <summary>Telemetry: the sampled path. Lifecycle events: the <c>path_id</c> inside the value.</summary>
    public string? PathId { get; }

    /// <summary>Lifecycle events: the <c>status</c> inside the value (<c>queued</c>, <c>started</c>, <c>finished</c>).</summary>
    public string? Status { get; }

    /// <summary>Numeric telemetry: the value.</summary>
    public double Number { get; }

    /// <summary>
    /// Any other value: for telemetry a non-numeric value (bool, long, string); for events a custom payload,
    /// usually an <see cref="IReadOnlyDictionary{TKey, TValue}"/> of string to value, or a scalar.
    /// </summary>
    public object? Value { get; }

    /// <summary>True for a lifecycle event, whose value is <c>{path_id, status}</c>.</summary>
    public bool IsLifecycle => Kind == RecordKind.Event && Status is not null;

    /// <summary>True for telemetry whose value is <see cref="Number"/>.</summary>
    public bool IsNumericTelemetry => Kind == RecordKind.Telemetry && Value is null;

    /// <summary>A task lifecycle event: key, and value <c>{path_id, status}</c>.</summary>
    public static SimRecord Lifecycle(double simTime, RecordKey key, string pathId, string status) =>
        new(RecordKind.Event, simTime, key, pathId, status, 0, null);

    /// <summary>An event with a custom value (a dictionary of fields, or a scalar).</summary>
    public static SimRecord Event(double simTime, RecordKey key, object? value) =>
        new(RecordKind.Event, simTime, key, null, null, 0, value);

    /// <summary>A numeric telemetry sample.</summary>
    public static SimRecord Telemetry(double simTime, string pathId, double value) =>
        new(RecordKind.Telemetry, simTime, default, pathId, null, value, null);

    /// <summary>A non-numeric telemetry sample (bool, integer or string).</summary>
    public static SimRecord Telemetry(double simTime, string pathId, object value) =>
        new(RecordKind.Telemetry, simTime, default, pathId, null, 0, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>The event or telemetry value as an object (a dictionary for lifecycle events); allocates.</summary>
    public object? BoxedValue => Kind switch
    {
        RecordKind.Event when Status is not null => new Dictionary<string, object?> { ["path_id"] = PathId, ["status"] = Status },
        RecordKind.Telemetry when Value is null => Number,
        _ => Value,
    };

    /// <inheritdoc />
    public override string ToString() => Kind == RecordKind.Event
        ? $"event {SimTime} {Key} {(Status is null ? Value : $"{PathId} {Status}")}"
        : $"telemetry {SimTime} {PathId} {(Value ?? Number)}";
}
