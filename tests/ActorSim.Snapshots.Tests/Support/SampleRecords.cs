using ActorSim.Model.Records;

namespace ActorSim.Snapshots.Tests.Support;

/// <summary>Record streams for tests, in sim-time order: task lifecycles on two services, with telemetry, over days.</summary>
public static class SampleRecords
{
    public static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private static readonly string[] Services = ["Line_A.service.milling", "Line_A.service.turning"];

    /// <summary>
    /// <paramref name="tasks"/> tasks, one every 2000.5 s (130 tasks span three days), each queued, started after
    /// 0.12345 s (rounded to the millisecond when written) and finished a minute later, then a lathe and a lag sample.
    /// </summary>
    public static IEnumerable<SimRecord> Lifecycles(int tasks, bool telemetry = true)
    {
        for (var i = 0; i < tasks; i++)
        {
            var t = i * 2000.5;
            var service = Services[i % 2];
            yield return SimRecord.Lifecycle(t, new RecordKey("task-", i), service, "queued");
            yield return SimRecord.Lifecycle(t + 0.12345, new RecordKey("task-", i), service, "started");
            yield return SimRecord.Lifecycle(t + 60.0007, new RecordKey("task-", i), service, "finished");
            if (telemetry)
            {
                yield return SimRecord.Telemetry(t + 60.0007, "Line_A.resources.lathe.in_use", (i % 4) + (0.25 * (i % 3)));
                yield return SimRecord.Telemetry(t + 60.0007, "system.simulation.lag_seconds", 0.0);
            }
        }
    }

    public static void PublishAll(this IRecordSink sink, IEnumerable<SimRecord> records)
    {
        foreach (var r in records)
        {
            sink.Publish(in r);
        }
    }
}
