using ActorSim.Actors;
using ActorSim.Runs.Execution;

namespace ActorSim.Cluster;

/// <summary>What a plant run on the cluster did: the run's own outcome, and where each line ran.</summary>
/// <param name="Outcome">Lines' egress, rounds, grants, events, records, as any engine reports them.</param>
/// <param name="Placement">Per line (by sim id, in the plant's order) the address of the node that ran it.</param>
public sealed record ClusterRunOutcome(RunOutcome Outcome, IReadOnlyList<(string Line, string Node)> Placement)
{
    /// <summary>Wall time until every worker node had built the run (from the client's call, the wait for workers included).</summary>
    public TimeSpan Prepared { get; init; }

    /// <summary>Wall time of the run itself: the lines deployed, run and drained (after a recovery, from the first attempt's start).</summary>
    public TimeSpan Ran { get; init; }

    /// <summary>Wall time to collect the lines' chunks and counts from the nodes.</summary>
    public TimeSpan Collected { get; init; }

    /// <summary>Per line (by sim id, in the plant's order) the messages and bytes it exchanged with the coordinator over the network.</summary>
    public IReadOnlyList<(string Line, LineTraffic Traffic)> Traffic { get; init; } = [];

    /// <summary>
    /// Set when the network, not the model, limited the run: the run took more than twice what its busiest node
    /// computed (its lines' busy time); says how much and where the rest went. Null otherwise.
    /// </summary>
    public string? NetworkWarning { get; init; }

    /// <summary>Checkpoints taken (<see cref="ClusterPlantRunner.CheckpointEvery"/>), over every attempt.</summary>
    public int Checkpoints { get; init; }

    /// <summary>Why the last copy of a checkpoint in the shared store could not be written (the run kept it in memory), or null.</summary>
    public string? CheckpointCopyError { get; init; }

    /// <summary>The losses of worker nodes the run recovered from, in order; empty when it lost none.</summary>
    public IReadOnlyList<ClusterRecovery> Recoveries { get; init; } = [];
}
