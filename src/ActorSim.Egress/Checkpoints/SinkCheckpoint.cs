namespace ActorSim.Egress.Checkpoints;

/// <summary>
/// One sink of one line at a checkpoint: its counters and each destination's, chunks counted as far as they had
/// landed. It holds no record: a sink resumed from two checkpoints (<see cref="SinkResume.Between"/>) replays from the
/// earlier one and skips what the later one had stored, so the records not stored yet come back by themselves.
/// </summary>
/// <param name="Sink">The sink's name.</param>
/// <param name="Published">Records given to the sink so far.</param>
/// <param name="Dropped">Records its router dropped so far.</param>
/// <param name="Written">Records in stored chunks so far.</param>
/// <param name="Destinations">Its destinations in first-use order.</param>
public sealed record SinkCheckpoint(string Sink, long Published, long Dropped, long Written, IReadOnlyList<DestinationCheckpoint> Destinations);
