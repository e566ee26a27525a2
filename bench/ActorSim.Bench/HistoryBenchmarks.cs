using ActorSim.Egress;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Random;

namespace ActorSim.Bench;

/// <summary>The history job's core in-process: the reference week through the egress pipeline (the seed's router, batch 5000, flush 1 day).</summary>
internal static class HistoryBenchmarks
{
    public static BenchResult Week(string name, ChunkFormat format, Func<IObjectStore> store, bool dropAll = false) => Measure.Repeat(name, () =>
    {
        var start = new DateTime(2026, 1, 1);
        var sim = new Simulation(0, start);
        var extension = format == ChunkFormat.Parquet ? "parquet" : "jsonl";
        var pipeline = new EgressPipeline(start,
        [
            new SinkOptions
            {
                Name = "history", Store = store(), Format = format, BatchSize = 5000, FlushInterval = 86400,
                Router = dropAll
                    ? Routers.All($"events.{extension}").Where(static (in _) => false)
                    : Routers.All($"events.{extension}").DropTelemetry().DropLagMetric().Flatten(),
            },
        ]);
        ReferenceModels.LineA().Start(sim, pipeline, RandomStream.Create(42, "Line_A"));
        sim.Run(ReferenceModelBenchmarks.Week);
        var engineDone = System.Diagnostics.Stopwatch.GetTimestamp();
        var report = pipeline.Complete();
        var drain = System.Diagnostics.Stopwatch.GetElapsedTime(engineDone).TotalSeconds;
        return (sim.ProcessedEvents, $"{report.Sinks[0].Written:N0} rows, {report.Sinks[0].Chunks} chunks, drain after engine {drain:0.000} s");
    });

    /// <summary>The same week as a one-line plant through the actors, records to an egress actor with the same sink.</summary>
    public static BenchResult WeekThroughActors(string name, Func<IObjectStore> store) => Measure.Repeat(name, () =>
    {
        var start = new DateTime(2026, 1, 1);
        var egress = new ActorSim.Actors.ActorEgress(start,
        [
            new SinkOptions
            {
                Name = "history", Store = store(), Format = ChunkFormat.Parquet, BatchSize = 5000, FlushInterval = 86400,
                Router = Routers.All("events.parquet").DropTelemetry().DropLagMetric().Flatten(),
            },
        ]);
        var plant = new ActorSim.Model.Plants.PlantBuilder().AddLine(ReferenceModels.LineA()).Build();
        var stats = new ActorSim.Actors.ActorPlantRunner(plant, ActorSim.Actors.ActorRunnerSettings.Default with { Parallelism = 1, LogLevel = "WARNING" })
            .RunWithStats(42, ReferenceModelBenchmarks.Week, _ => egress);
        var report = egress.Completion.GetAwaiter().GetResult();
        var line = stats.Lines[0];
        return (stats.ProcessedEvents,
            $"{report.Sinks[0].Written:N0} rows, busy {line.BusySeconds:0.000} s, egress blocked {line.EgressBlockedSeconds:0.000} s, drain {line.EgressSeconds:0.000} s");
    });
}
