using ActorSim.Model.Records;

namespace ActorSim.Egress.Tests.Support;

/// <summary>Record streams for tests: task lifecycles, telemetry and the lag metric, in sim-time order.</summary>
public static class Records
{
    public const string Service = "Line_A.service.milling";

    public static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    private static readonly string[] Statuses = ["queued", "started", "finished"];

    /// <summary><paramref name="tasks"/> tasks, each queued, started and finished; task i starts at 1.202 + i/2 s.</summary>
    public static IEnumerable<SimRecord> Lifecycles(int tasks, double spacing = 0.5)
    {
        for (var i = 0; i < tasks; i++)
        {
            for (var s = 0; s < 3; s++)
            {
                yield return SimRecord.Lifecycle(1.202 + (i * spacing) + (s * 0.1), new RecordKey("task-", i), Service, Statuses[s]);
            }
        }
    }

    /// <summary>Lifecycles interleaved with a telemetry sample and a lag sample per task.</summary>
    public static IEnumerable<SimRecord> Mixed(int tasks)
    {
        foreach (var r in Lifecycles(tasks))
        {
            yield return r;
            if (r.Status == "finished")
            {
                yield return SimRecord.Telemetry(r.SimTime, "Line_A.resources.lathe.in_use", 3.0);
                yield return SimRecord.Telemetry(r.SimTime, "system.simulation.lag_seconds", 0.0);
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
