using ActorSim.Egress;
using ActorSim.Model.Building;

namespace ActorSim.Cli.History;

/// <summary>A history run, fully resolved: what to simulate, from when, for how long, and where records go.</summary>
internal sealed record HistoryPlan(
    LineModel Model,
    DateTime Start,
    double DurationSeconds,
    ulong Seed,
    IReadOnlyList<SinkOptions> Sinks,
    IReadOnlyList<string> Destinations,
    double Factor);
