using ActorSim.Engine;
using ActorSim.Forecasts;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;

namespace ActorSim.Bench;

/// <summary>
/// Forecasts (issue 14 §5): Line_A's 8 hours from its exact snapshot at 3.5 days, KPIs only, on one and on two
/// workers, interleaved so that both see the same minutes of a shared machine. "Events" are replications; allocation
/// is the whole process's, per replication.
/// </summary>
internal static class ForecastBenchmarks
{
    private const double MidWeek = 3.5 * 86400;

    /// <summary>Replications per measurement (override with ACTORSIM_BENCH_REPLICATIONS).</summary>
    private static readonly int Replications =
        int.TryParse(Environment.GetEnvironmentVariable("ACTORSIM_BENCH_REPLICATIONS"), out var n) && n > 0 ? n : 200;

    public static IEnumerable<BenchResult> LineAMidWeek()
    {
        var plant = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();
        var simulation = new Simulation(0, new DateTime(2026, 1, 1));
        var lines = new Line[1];
        lines[0] = plant.StartLine(0, simulation, NullRecordSink.Instance, 42, new DirectOutbox(lines));
        simulation.RunUntil(MidWeek);
        var snapshot = SnapshotCapture.Take(plant, "Line_A", lines, 42);
        var request = new ForecastRequest { Plant = plant, ModelName = "Line_A", Snapshot = snapshot, HorizonSeconds = 8 * 3600, Replications = Replications, Seed = 42 };
        ForecastRunner.Run(request with { Replications = 4, Parallelism = 2 });
        var results = new List<BenchResult>();
        for (var round = 0; round < Measure.Repetitions; round++)
        {
            foreach (var workers in new[] { 1, 2 })
            {
                results.Add(Once($"forecast Line_A 8 h, {workers} worker{(workers == 1 ? "" : "s")}", request with { Parallelism = workers }));
            }
        }

        var best = results.GroupBy(r => r.Name).Select(g => g.MinBy(r => r.WallSeconds)!).ToList();
        var ratio = best[0].WallSeconds / best[1].WallSeconds;
        return [.. best.Select(r => r with { Note = $"best of {Measure.Repetitions}; {r.Note}" }),
            new BenchResult($"forecast: 2 workers / 1 worker", ratio, 0, 0, $"{ratio:0.00}x faster on two workers (best against best)")];
    }

    private static BenchResult Once(string name, ForecastRequest request)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var result = Measure.Run(name, () =>
        {
            var forecast = ForecastRunner.Run(request);
            return (forecast.Rows.Count, $"{request.Replications} replications, {forecast.Summaries[0].Summary!.Mean:N0} tasks each");
        });
        return result with { AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated };
    }
}
