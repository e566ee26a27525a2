using ActorSim.Runs.Execution;

namespace ActorSim.Cluster;

/// <summary>What a plant run on the cluster did: the run's own outcome, and where each line ran.</summary>
/// <param name="Outcome">Lines' egress, rounds, grants, events, records, as any engine reports them.</param>
/// <param name="Placement">Per line (by sim id, in the plant's order) the address of the node that ran it.</param>
public sealed record ClusterRunOutcome(RunOutcome Outcome, IReadOnlyList<(string Line, string Node)> Placement);
