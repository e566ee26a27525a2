using ActorSim.Egress.Formatting;
using ActorSim.Model.Records;
using ActorSim.Snapshots.EventLogs;

namespace ActorSim.Snapshots.Tests.Support;

/// <summary>What a reader should give back for published records: times to the millisecond as written, values as published.</summary>
public static class Expected
{
    public static LoggedRecord Of(in SimRecord r, DateTime start)
    {
        var milliseconds = RecordTime.SimMilliseconds(r.SimTime);
        var timestamp = start.AddTicks(milliseconds * TimeSpan.TicksPerMillisecond);
        return r.Kind == RecordKind.Event
            ? new LoggedRecord(RecordKind.Event, milliseconds / 1000.0, timestamp, r.Key.ToString(), r.PathId, r.Status, null)
            : new LoggedRecord(RecordKind.Telemetry, milliseconds / 1000.0, timestamp, null, r.PathId, null, r.Number);
    }

    public static List<LoggedRecord> Of(IEnumerable<SimRecord> records, DateTime start) => records.Select(r => Of(r, start)).ToList();

    /// <summary>Records in one order whatever order the chunks were read in.</summary>
    public static List<LoggedRecord> Sorted(IEnumerable<LoggedRecord> records) => records
        .OrderBy(r => r.Kind).ThenBy(r => r.SimTime).ThenBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.PathId, StringComparer.Ordinal)
        .ToList();
}
