using ActorSim.Actors;
using ActorSim.Egress;

namespace ActorSim.Runs.Execution;

/// <summary>How this process executes a compiled run: with which sinks, on which actor host, under which id, and whom it tells its progress.</summary>
public sealed record RunExecution
{
    /// <summary>A line's sinks by sim id; null: <see cref="CompiledRun.SinksFor(string)"/> (no chunk log, no destination lock).</summary>
    public Func<string, IReadOnlyList<SinkOptions>>? SinksFor { get; init; }

    /// <summary>The process's actor host; required for the actors engine, unused by the others.</summary>
    public ActorSimHost? Host { get; init; }

    /// <summary>The run's id on the actor host (its manifests' id); null: a new one.</summary>
    public string? RunId { get; init; }

    /// <summary>Called on the run's thread once each snapshot (<see cref="RunSpec.SnapshotTimes"/>) has been written: where, and the snapshot.</summary>
    public Action<string, ActorSim.Model.Snapshots.ModelSnapshot>? SnapshotWritten { get; init; }

    /// <summary>Called from a timer every <see cref="ProgressInterval"/> while the run goes, one call at a time; null: nobody listens.</summary>
    public Action<RunSample>? Progress { get; init; }

    /// <summary>The wall time between progress samples (default 250 ms).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}
