using ActorSim.Model.Snapshots;

namespace ActorSim.Actors;

/// <summary>
/// A consistent checkpoint of a plant run: every line at one instant, taken between grants. <see cref="Snapshot"/> is
/// the exact snapshot (items in transit included), assembled from the lines' states when first read (off the
/// coordinator's thread, as a rule); each line adds its egress counters and the chunks it stored since the previous
/// checkpoint. A run replayed from checkpoints (<see cref="RestorePlan"/>) writes what the original would have, chunk for chunk.
/// </summary>
public sealed class RunCheckpoint
{
    private readonly Lazy<ModelSnapshot> _snapshot;

    /// <summary>A checkpoint at <paramref name="asOf"/> whose snapshot <paramref name="assemble"/> makes when first read.</summary>
    public RunCheckpoint(double asOf, Func<ModelSnapshot> assemble, IReadOnlyList<LineCheckpoint> lines)
    {
        ArgumentNullException.ThrowIfNull(assemble);
        ArgumentNullException.ThrowIfNull(lines);
        AsOf = asOf;
        Lines = lines;
        _snapshot = new Lazy<ModelSnapshot>(assemble, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The instant, in simulated seconds from the run's logical start.</summary>
    public double AsOf { get; }

    /// <summary>The exact snapshot at <see cref="AsOf"/>.</summary>
    public ModelSnapshot Snapshot => _snapshot.Value;

    /// <summary>Per line, in the plant's order.</summary>
    public IReadOnlyList<LineCheckpoint> Lines { get; }
}
