namespace ActorSim.Egress.Checkpoints;

/// <summary>
/// One sink of one line at a checkpoint, every full batch stored: its counters and each destination's batch still
/// being filled. A sink resumed from it (<see cref="SinkWorker.ForSinks(DateTime, IEnumerable{SinkOptions}, IReadOnlyList{SinkCheckpoint}?)"/>)
/// goes on with the same chunk boundaries, names and counts as the sink it was taken from.
/// </summary>
/// <param name="Sink">The sink's name.</param>
/// <param name="Published">Records given to the sink so far.</param>
/// <param name="Dropped">Records its router dropped so far.</param>
/// <param name="Written">Records in stored chunks so far.</param>
/// <param name="Destinations">Its destinations in first-use order.</param>
public sealed record SinkCheckpoint(string Sink, long Published, long Dropped, long Written, IReadOnlyList<DestinationCheckpoint> Destinations);
