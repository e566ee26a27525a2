using ActorSim.Model.Building;
using ActorSim.Model.Distributions;

namespace ActorSim.Model.Tests.Building;

/// <summary>A line with two production schedules beside a random arrival stream, for determinism and snapshot tests.</summary>
internal static class ScheduleSnapshotLines
{
    /// <summary>
    /// 'part' arrives at random; 'order' tasks come from the schedule 'today' (600 releases on whole and half seconds,
    /// several at one time, one in five keyed) and 'rush' from 'urgent' (every 97 s, at a higher priority).
    /// </summary>
    public static LineModel Mixed()
    {
        var random = new System.Random(5);
        var today = Enumerable.Range(0, 600)
            .Select(i => new Release(
                Math.Round(random.NextDouble() * 3600 * 2) / 2,
                "order",
                i % 5 == 0 ? $"order-{i}" : null,
                i % 5 == 0 ? new Dictionary<string, object> { ["row"] = i } : null))
            .ToArray();
        var urgent = Enumerable.Range(0, 37).Select(i => new Release(i * 97.0, "rush")).ToArray();
        return new LineBuilder("Line_S")
            .AddArrival("standard", DistributionConfig.Exponential(0.3))
            .AddService("cutting", DistributionConfig.Uniform(1.0, 4.0))
            .AddService("pressing", DistributionConfig.Normal(2.2, 0.3))
            .AddResource("cutter", currentCap: 2, maxCap: 4)
            .AddResource("press", currentCap: 1, maxCap: 2)
            .AddTask("part", arrival: "standard", steps => steps.Step("cutter", "cutting").Step("press", "pressing"))
            .AddScheduledTask("order", steps => steps.Step("cutter", "cutting").HandOff("press", "pressing"), keyPrefix: "job-")
            .AddScheduledTask("rush", steps => steps.Step("press", "pressing", priority: 0), keyPrefix: "rush-")
            .AddSchedule(new ReleaseSchedule("today", today))
            .AddSchedule(new ReleaseSchedule("urgent", urgent))
            .AddTelemetry(60)
            .AddScenarioChange(1800, "Line_S.resources.press.current_cap", 2)
            .Build();
    }
}
