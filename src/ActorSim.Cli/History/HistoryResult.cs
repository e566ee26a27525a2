using ActorSim.Egress.Reports;

namespace ActorSim.Cli.History;

/// <summary>What a finished history run did; <see cref="Tasks"/> is null where the engine does not report it (actors).</summary>
internal sealed record HistoryResult(EgressReport Egress, long? Tasks, long EngineEvents, long Records, TimeSpan Elapsed, DateTime Start, double DurationSeconds, string Engine);
