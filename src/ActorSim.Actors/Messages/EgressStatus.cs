namespace ActorSim.Actors.Messages;

/// <summary>A line's egress pipeline as it stands, carried by <see cref="LineProgress"/> and <see cref="GrantDone"/> for the progress log.</summary>
/// <param name="RecordsWritten">Records stored so far, over all sinks.</param>
/// <param name="QueuedBatches">Batches waiting for the sinks' writers now.</param>
/// <param name="BlockedSeconds">Wall-clock seconds <c>Publish</c> has blocked on full sink queues so far.</param>
internal sealed record EgressStatus(long RecordsWritten, int QueuedBatches, double BlockedSeconds);
