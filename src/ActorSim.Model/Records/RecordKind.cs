namespace ActorSim.Model.Records;

/// <summary>The two record streams of dynamic-des: lifecycle events and telemetry samples.</summary>
public enum RecordKind : byte
{
    /// <summary><c>stream_type: "event"</c>: a keyed event such as a task's <c>queued</c>.</summary>
    Event,

    /// <summary><c>stream_type: "telemetry"</c>: a sampled value under a path id.</summary>
    Telemetry,
}
