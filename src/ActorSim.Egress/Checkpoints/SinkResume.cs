namespace ActorSim.Egress.Checkpoints;

/// <summary>
/// How a sink goes on in a run that replays from one checkpoint (or the start) past a later one whose chunks are
/// stored: counted from the earlier, each destination skipping the records the later one's chunks hold and filling
/// its next chunk from there. Same chunk boundaries, names, bytes and counts as the sink that never stopped.
/// </summary>
/// <param name="Sink">The sink's name.</param>
/// <param name="Published">Records given to the sink before the instant the run replays from.</param>
/// <param name="Dropped">Records its router dropped before that instant.</param>
/// <param name="Written">Records in stored chunks.</param>
/// <param name="Destinations">Its destinations in first-use order.</param>
public sealed record SinkResume(string Sink, long Published, long Dropped, long Written, IReadOnlyList<DestinationResume> Destinations)
{
    /// <summary>
    /// The resume of a sink replayed from <paramref name="replayFrom"/> (null: the run's start) whose chunks up to
    /// <paramref name="stored"/> are stored. Throws an <see cref="ArgumentException"/> when <paramref name="replayFrom"/>
    /// is too late: a record of a batch that <paramref name="stored"/> was filling came before it.
    /// </summary>
    public static SinkResume Between(SinkCheckpoint? replayFrom, SinkCheckpoint stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (replayFrom is not null && replayFrom.Sink != stored.Sink)
        {
            throw new ArgumentException($"Checkpoints of sinks '{replayFrom.Sink}' and '{stored.Sink}' do not make one resume.", nameof(replayFrom));
        }

        var destinations = stored.Destinations.Select(d =>
        {
            var before = replayFrom?.Destinations.FirstOrDefault(e => e.Destination == d.Destination)?.Published ?? 0;
            var skip = d.Published - d.Pending - before;
            return skip >= 0
                ? new DestinationResume(d.Destination, d.Flatten, d.BatchesTaken, before, d.Written, d.Chunks, d.Bytes, skip)
                : throw new ArgumentException(
                    $"Sink '{stored.Sink}', destination '{d.Destination}': the replay would start after a record of its unstored batch ({-skip} of them); replay from an earlier checkpoint.",
                    nameof(replayFrom));
        }).ToList();
        return new SinkResume(stored.Sink, replayFrom?.Published ?? 0, replayFrom?.Dropped ?? 0, stored.Written, destinations);
    }

    /// <summary>True when a replay from <paramref name="replayFrom"/> (null: the start) gives back every record <paramref name="stored"/> had not stored.</summary>
    public static bool CanReplay(SinkCheckpoint? replayFrom, SinkCheckpoint stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Destinations.All(d => d.Published - d.Pending >= (replayFrom?.Destinations.FirstOrDefault(e => e.Destination == d.Destination)?.Published ?? 0));
    }
}
