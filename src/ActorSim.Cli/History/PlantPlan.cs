using ActorSim.Egress;
using ActorSim.Model.Plants;

namespace ActorSim.Cli.History;

/// <summary>A plant's history run, resolved: each line writes through its own sinks into <c>line=&lt;sim_id&gt;/</c>.</summary>
internal sealed record PlantPlan(
    PlantModel Plant,
    DateTime Start,
    double DurationSeconds,
    ulong Seed,
    PlantEngine Engine,
    int Parallelism,
    Func<string, IReadOnlyList<SinkOptions>> SinksFor,
    string Destination,
    double Factor,
    string LogLevel);
