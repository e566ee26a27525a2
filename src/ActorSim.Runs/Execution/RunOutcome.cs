using ActorSim.Actors.Messages;
using ActorSim.Egress.Reports;
using ActorSim.Model.Plants;

namespace ActorSim.Runs.Execution;

/// <summary>What a run that ended did.</summary>
/// <param name="Lines">Each line's egress accounting, in ordinal order of sim id.</param>
/// <param name="Stats">Rounds, grants, engine events and items sent.</param>
/// <param name="ActorStats">The actors engine's own account (per line waits, efficiency); null for the others.</param>
/// <param name="Tasks">Tasks created, where the engine reports it (a single line on the reference engine); else null.</param>
/// <param name="Records">Records published by every line.</param>
/// <param name="Elapsed">Wall time from start to the last chunk stored.</param>
public sealed record RunOutcome(
    IReadOnlyList<(string Line, EgressReport Report)> Lines, PlantRunStats Stats, ActorRunStats? ActorStats, long? Tasks, long Records, TimeSpan Elapsed);
