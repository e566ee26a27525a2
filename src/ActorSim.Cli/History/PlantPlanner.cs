using ActorSim.Blueprints;
using ActorSim.Cli.CommandLine;
using ActorSim.Egress;
using ActorSim.Egress.Routing;

namespace ActorSim.Cli.History;

/// <summary>Plans a plant run from a blueprint with <c>lines:</c> and <c>links:</c>; each line gets its own sinks.</summary>
internal static class PlantPlanner
{
    /// <summary>True when the blueprint at <paramref name="path"/> describes a plant (a top-level <c>lines</c> key, however written).</summary>
    public static bool IsPlant(string path) =>
        File.Exists(path) && BlueprintLoader.IsPlantText(File.ReadAllText(path));

    public static PlantPlan Plan(HistoryOptions options)
    {
        PlantBlueprint blueprint;
        try
        {
            blueprint = BlueprintLoader.LoadPlant(options.ModelPath!);
        }
        catch (BlueprintException e)
        {
            throw new UsageException(e.Message);
        }

        if (blueprint.Simulation.Factor > 0 && options.Engine != PlantEngine.Actors)
        {
            throw new UsageException($"{options.ModelPath}: simulation.factor {blueprint.Simulation.Factor} paces the plant against the wall clock, which only the actor engine does; add --engine actors.");
        }

        var start = options.Start ?? blueprint.Simulation.Start ?? HistoryOptionsParser.DefaultStart();
        var duration = options.DurationSeconds ?? blueprint.Simulation.DurationSeconds ?? HistoryOptions.DefaultDurationSeconds;
        HistoryOptionsParser.CheckTimeRange(options, blueprint.Simulation, start, duration);
        var destination = options.Destination ?? blueprint.Egress.FirstOrDefault()?.Dest ?? "data";
        HistoryPlanner.ParseDestination(destination); // The lines' stores are made when the run starts; a bad destination is refused before.
        BlueprintPlanner.EnsureDistinctTargets(blueprint.Egress, options, _ => destination);
        IReadOnlyList<SinkOptions> SinksFor(string simId)
        {
            // Split: DEST/line=<sim_id>/events_000001.parquet. Merged: DEST/events_<sim_id>_000001.parquet, one dataset.
            var lineDestination = options.MergeLines ? destination : $"{destination.TrimEnd('/')}/line={simId}";
            var sinks = blueprint.Egress.Count == 0
                ? [HistoryPlanner.ReferenceSink(options, options.Format ?? ChunkFormat.Parquet, lineDestination)]
                : blueprint.Egress.Select(spec => BlueprintPlanner.Sink(spec, options, lineDestination)).ToArray();
            return options.MergeLines ? sinks.Select(s => s with { Router = s.Router.WithFileSuffix(simId) }).ToArray() : sinks;
        }

        return new PlantPlan(
            blueprint.Plant,
            start,
            duration,
            options.Seed ?? blueprint.Simulation.Seed,
            options.Engine,
            options.Parallelism,
            SinksFor,
            destination,
            blueprint.Simulation.Factor,
            options.LogLevel,
            File.ReadAllBytes(options.ModelPath!))
        {
            MergeLines = options.MergeLines,
        };
    }
}
