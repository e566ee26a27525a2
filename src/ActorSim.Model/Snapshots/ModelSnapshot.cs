namespace ActorSim.Model.Snapshots;

/// <summary>
/// A model's state at one simulated instant <see cref="AsOf"/>: every line's parameters, resources, tasks in
/// progress and processes, so that a run can start from it. Written and read as JSON by <see cref="SnapshotJson"/>
/// (format <c>actorsim-snapshot</c>, version 1; schema <c>schemas/snapshot.v1.schema.json</c>).
/// </summary>
public sealed record ModelSnapshot
{
    /// <summary>The value of <see cref="Format"/>.</summary>
    public const string FormatName = "actorsim-snapshot";

    /// <summary>The version this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Always <see cref="FormatName"/>: tells a snapshot from any other JSON.</summary>
    public string Format { get; init; } = FormatName;

    /// <summary>The format's version.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>Exact (from a running simulation) or observed (rebuilt from outside data).</summary>
    public required SnapshotKind Kind { get; init; }

    /// <summary>The model the state belongs to.</summary>
    public required ModelIdentity Model { get; init; }

    /// <summary>The run's logical start: simulated time 0 as a timestamp; records go on being stamped from it.</summary>
    public required DateTime Start { get; init; }

    /// <summary>The instant, in simulated seconds from <see cref="Start"/>: every event before it has happened, none at it.</summary>
    public required double AsOf { get; init; }

    /// <summary>The instant as a timestamp (<see cref="Start"/> + <see cref="AsOf"/>), for reading.</summary>
    public DateTime? AsOfTimestamp { get; init; }

    /// <summary>Exact snapshots: the seed of the run it was taken from, for reading.</summary>
    public ulong? Seed { get; init; }

    /// <summary>The lines, in the model's order.</summary>
    public required IReadOnlyList<LineSnapshot> Lines { get; init; }
}
