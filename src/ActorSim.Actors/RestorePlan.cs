using ActorSim.Egress.Checkpoints;
using ActorSim.Model.Snapshots;

namespace ActorSim.Actors;

/// <summary>
/// How a plant run goes on after losing lines, from its checkpoints: every line replays from <see cref="ReplayFrom"/>
/// (null: the run's start), the latest checkpoint from which each sink gets back every record the latest checkpoint,
/// <see cref="Stored"/>, had not stored; each sink skips what <see cref="Stored"/>'s chunks hold (<see cref="SinkResume"/>).
/// Checkpoints hold counters, not records: a sink's batch still being filled comes back in the replay.
/// </summary>
/// <param name="ReplayFrom">The checkpoint every line starts from, or null for the run's start.</param>
/// <param name="Stored">The latest checkpoint: every chunk before it is stored.</param>
/// <param name="Resume">Per line of <see cref="Stored"/>, in its order, its sinks' resume (<see cref="EgressCheckpointCodec"/>); empty for a line without egress actors.</param>
public sealed record RestorePlan(RunCheckpoint? ReplayFrom, RunCheckpoint Stored, IReadOnlyList<byte[]> Resume)
{
    /// <summary>The snapshot the lines start from, or null for the run's start.</summary>
    public ModelSnapshot? From => ReplayFrom?.Snapshot;

    /// <summary>The plan for checkpoints <paramref name="taken"/> in order (the last is <see cref="Stored"/>), each of every line.</summary>
    /// <exception cref="ArgumentException">No checkpoint, or checkpoints of other lines.</exception>
    public static RestorePlan Of(IReadOnlyList<RunCheckpoint> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        if (taken.Count == 0)
        {
            throw new ArgumentException("A run is restored from a checkpoint; none was taken.", nameof(taken));
        }

        var stored = taken[^1];
        var storedSinks = stored.Lines.Select(l => l.Egress.Length == 0 ? [] : EgressCheckpointCodec.ReadCheckpoints(l.Egress)).ToArray();
        for (var i = taken.Count - 2; i >= -1; i--)
        {
            var from = i >= 0 ? taken[i] : null;
            var fromSinks = from is null ? null : stored.Lines.Select(l => SinksOf(from, l.SimId)).ToArray();
            var fits = storedSinks.Select((sinks, line) => sinks.All(s => SinkResume.CanReplay(fromSinks?[line].FirstOrDefault(f => f.Sink == s.Sink), s))).All(x => x);
            if (fits)
            {
                var resume = storedSinks.Select((sinks, line) => sinks.Count == 0
                    ? []
                    : EgressCheckpointCodec.Write(sinks.Select(s => SinkResume.Between(fromSinks?[line].FirstOrDefault(f => f.Sink == s.Sink), s)).ToList())).ToArray();
                return new RestorePlan(from, stored, resume);
            }
        }

        throw new InvalidOperationException("A replay from the run's start gives back every record; this is not reached.");
    }

    private static IReadOnlyList<SinkCheckpoint> SinksOf(RunCheckpoint checkpoint, string simId) => checkpoint.Lines.FirstOrDefault(l => l.SimId == simId) switch
    {
        null => throw new ArgumentException($"The checkpoint at t={checkpoint.AsOf} has no line '{simId}'.", nameof(checkpoint)),
        { Egress.Length: 0 } => [],
        var line => EgressCheckpointCodec.ReadCheckpoints(line.Egress),
    };
}
