using ActorSim.Egress;
using ActorSim.Model.Building;

namespace ActorSim.Cli.History;

/// <summary>A history run, fully resolved: what to simulate, from when, for how long, and where records go.</summary>
/// <param name="Model">The line to simulate.</param>
/// <param name="Start">The logical start.</param>
/// <param name="DurationSeconds">Simulated seconds.</param>
/// <param name="Seed">The random seed.</param>
/// <param name="Sinks">Where records go.</param>
/// <param name="SinkDestinations">Each sink's destination as given (a folder or <c>s3://bucket/prefix</c>), in the order of <paramref name="Sinks"/>.</param>
/// <param name="Factor">Wall-clock pacing: 0 as fast as possible.</param>
/// <param name="ModelDefinition">The model's definition (the blueprint's bytes), hashed in the manifest.</param>
internal sealed record HistoryPlan(
    LineModel Model,
    DateTime Start,
    double DurationSeconds,
    ulong Seed,
    IReadOnlyList<SinkOptions> Sinks,
    IReadOnlyList<string> SinkDestinations,
    double Factor,
    byte[] ModelDefinition)
{
    /// <summary>The single line of <paramref name="run"/> (compiled with <see cref="ActorSim.Runs.LineLayout.Single"/>) writing through <paramref name="sinks"/>.</summary>
    public static HistoryPlan From(ActorSim.Runs.CompiledRun run, IReadOnlyList<SinkOptions> sinks) => new(
        run.Plant.Lines[0],
        run.Spec.Start,
        run.Spec.DurationSeconds,
        run.Spec.RunSeed,
        sinks,
        run.Spec.Sinks.Select(s => s.Destination).ToArray(),
        run.Spec.Factor,
        run.ModelDefinition);

    /// <summary>The distinct destinations, in first-use order.</summary>
    public IReadOnlyList<string> Destinations => SinkDestinations.Distinct(StringComparer.Ordinal).ToArray();
}
