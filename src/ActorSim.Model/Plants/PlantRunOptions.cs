using ActorSim.Model.Snapshots;

namespace ActorSim.Model.Plants;

/// <summary>What a plant run starts from, how far it goes, and the snapshot it takes on the way.</summary>
public sealed record PlantRunOptions
{
    /// <summary>The run seed the lines' random streams derive from.</summary>
    public required ulong Seed { get; init; }

    /// <summary>When the run ends, in simulated seconds from the logical start (events at it are not processed).</summary>
    public required double Until { get; init; }

    /// <summary>The logical start: simulated time 0 as a timestamp (for snapshots and messages).</summary>
    public DateTime LogicalStart { get; init; }

    /// <summary>The state to start from (checked first with <see cref="SnapshotValidator"/>); null: every line starts empty at 0.</summary>
    public ModelSnapshot? From { get; init; }

    /// <summary>When to take exact snapshots of the whole plant, in increasing order, after the start and not after <see cref="Until"/>; empty for none.</summary>
    public IReadOnlyList<double> SnapshotTimes { get; init; } = [];

    /// <summary>Gets each snapshot of <see cref="SnapshotTimes"/>, on the run's thread; the run goes on when it returns.</summary>
    public Action<ModelSnapshot>? SnapshotTaken { get; init; }

    /// <summary>The model's name in the snapshot.</summary>
    public string ModelName { get; init; } = "plant";

    /// <summary>Where the run starts: the snapshot's instant, or 0.</summary>
    public double StartsAt => From?.AsOf ?? 0;

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> when the times do not fit: an end after the start, a snapshot time inside the run.</summary>
    public void Check()
    {
        if (!(Until > StartsAt) || double.IsInfinity(Until))
        {
            throw new ArgumentOutOfRangeException(nameof(Until), Until, $"A plant runs from {StartsAt} until a finite time after it; {Until} was given.");
        }

        var previous = StartsAt;
        foreach (var at in SnapshotTimes)
        {
            if (!(at > previous) || at > Until)
            {
                throw new ArgumentOutOfRangeException(nameof(SnapshotTimes), at, $"Snapshots are taken in increasing order after the run's start ({StartsAt}) and not after its end ({Until}); {at} was given.");
            }

            previous = at;
        }
    }
}
