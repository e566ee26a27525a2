using System.Globalization;
using ActorSim.Actors;
using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Plants;
using ActorSim.Model.Random;
using ActorSim.Model.Records;

namespace ActorSim.Bench;

/// <summary>Issue 4 §7: plants through the actors against the sequential reference and the direct engine; records counted, not written.</summary>
internal static class ActorBenchmarks
{
    public const double Day = 86400;

    private static readonly ActorRunnerSettings Quiet = ActorRunnerSettings.Default with { LogLevel = "WARNING" };

    /// <summary>The reference line for a week on the engine directly.</summary>
    public static BenchResult LineADirect(double seconds) => Measure.Repeat("Line_A week, direct", () =>
    {
        var sim = new Simulation();
        ReferenceModels.LineA().Start(sim, new CountingRecordSink(), RandomStream.Create(42, "Line_A"));
        sim.Run(seconds);
        return (sim.ProcessedEvents, "");
    });

    /// <summary>The reference line for a week as a one-line plant through the actors.</summary>
    public static BenchResult LineAActors(double seconds)
    {
        var plant = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();
        return Measure.Repeat("Line_A week, actors (1 thread)", () => Actors(plant, 1, seconds));
    }

    /// <summary>The reference line for a week as a one-line plant on the sequential runner (plant mode, no actors).</summary>
    public static BenchResult LineASequentialPlant(double seconds)
    {
        var plant = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();
        return Measure.Repeat("Line_A week, one-line plant, sequential", () =>
        {
            var stats = new SequentialPlantRunner(plant).Run(42, seconds, _ => new CountingRecordSink());
            return (stats.ProcessedEvents, "");
        });
    }

    /// <summary>Eight independent copies of the reference line for <paramref name="seconds"/> on <paramref name="parallelism"/> threads.</summary>
    public static BenchResult EightLines(int parallelism, double seconds)
    {
        var plant = EightCopies();
        return Measure.Repeat($"8 x Line_A day, actors ({parallelism} thr)", () => Actors(plant, parallelism, seconds));
    }

    /// <summary>
    /// The machine's own ceiling for the eight-line case: the same eight engines on <paramref name="threads"/> plain
    /// threads (Parallel.For, no actors, no rounds), so the actors' 2-thread gain can be read against it.
    /// </summary>
    public static BenchResult EightLinesPlainThreads(int threads, double seconds)
    {
        var plant = EightCopies();
        return Measure.Repeat($"8 x Line_A day, plain threads ({threads})", () =>
        {
            var events = new long[plant.Lines.Count];
            Parallel.For(0, plant.Lines.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            {
                var sim = new Simulation();
                plant.Lines[i].Start(sim, new CountingRecordSink(), RandomStream.Create(42, plant.Lines[i].SimId));
                sim.Run(seconds);
                events[i] = sim.ProcessedEvents;
            });
            return (events.Sum(), "");
        });
    }

    /// <summary>The two-stage plant (lookahead 5 s) on the sequential reference.</summary>
    public static BenchResult TwoStageSequential(double seconds)
    {
        var plant = ReferenceModels.TwoStagePlant(5);
        return Measure.Repeat($"two-stage {seconds / Day:0}d, sequential", () =>
        {
            var stats = new SequentialPlantRunner(plant).Run(42, seconds, _ => new CountingRecordSink());
            return (stats.ProcessedEvents, "");
        });
    }

    /// <summary>The two-stage plant (lookahead 5 s) through the actors, with eager grants (the default) or in rounds.</summary>
    public static BenchResult TwoStageActors(int parallelism, double seconds, GrantMode grants = GrantMode.Eager)
    {
        var plant = ReferenceModels.TwoStagePlant(5);
        var mode = grants == GrantMode.Eager ? string.Empty : ", rounds";
        return Measure.Repeat($"two-stage {seconds / Day:0}d, actors ({parallelism} thr{mode})", () => Actors(plant, parallelism, seconds, grants));
    }

    /// <summary>The rework loop (lookahead 5 s, a cycle: many rounds) through the actors.</summary>
    public static BenchResult ReworkActors(int parallelism, double seconds)
    {
        var plant = ReferenceModels.ReworkLoopPlant(5);
        return Measure.Repeat($"rework hour, actors ({parallelism} thr)", () => Actors(plant, parallelism, seconds));
    }

    private static (long, string) Actors(PlantModel plant, int parallelism, double seconds, GrantMode grants = GrantMode.Eager)
    {
        var stats = new ActorPlantRunner(plant, Quiet with { Parallelism = parallelism, Grants = grants }).RunWithStats(42, seconds, _ => new CountingRecordSink());
        return (stats.ProcessedEvents, string.Create(CultureInfo.InvariantCulture,
            $"{stats.Rounds} rounds ({stats.Rounds / (seconds / 3600):0.#} per sim hour), {stats.Grants / (double)plant.Lines.Count / (seconds / 3600):0.#} grants per line per sim hour, efficiency {stats.ParallelEfficiency:0.00}, " +
            $"{stats.WallSeconds:0.000} s from the first grant to the end (the rest is the ActorSystem's start and stop)"));
    }

    private static PlantModel EightCopies()
    {
        var plant = new PlantBuilder();
        for (var k = 1; k <= 8; k++)
        {
            // The reference line's definition (ReferenceModels.LineA) under eight sim_ids, so each has its own stream.
            plant.AddLine(new LineBuilder("Line_A_" + k.ToString(CultureInfo.InvariantCulture))
                .AddArrival("standard", DistributionConfig.Exponential(2.0))
                .AddService("milling", DistributionConfig.Normal(2.0, 0.2))
                .AddResource("lathe", currentCap: 4, maxCap: 10)
                .AddTask("part", arrival: "standard", steps => steps.Step("lathe", "milling"))
                .AddTelemetry(60)
                .Build());
        }

        return plant.Build();
    }
}
