using ActorSim.Egress;
using ActorSim.Model.Plants;
using ActorSim.Runs;

namespace ActorSim.Cli.History;

/// <summary>A plant's history run: the compiled run and each line's sinks, attached to the run's destinations.</summary>
/// <param name="Run">The run, compiled in this process.</param>
/// <param name="SinksFor">A line's sinks by sim id, each with its destination's chunk log.</param>
internal sealed record PlantPlan(CompiledRun Run, Func<string, IReadOnlyList<SinkOptions>> SinksFor)
{
    public PlantModel Plant => Run.Plant;

    public DateTime Start => Run.Spec.Start;

    public double DurationSeconds => Run.Spec.DurationSeconds;

    /// <summary>The seed the lines' streams derive from (the replication's).</summary>
    public ulong Seed => Run.Spec.RunSeed;

    public RunEngine Engine => Run.Spec.Engine;

    public int Parallelism => Run.Spec.Parallelism;

    public double Factor => Run.Spec.Factor;

    /// <summary>The destination every sink of a plant writes into.</summary>
    public string Destination => Run.Spec.Sinks[0].Destination;
}
