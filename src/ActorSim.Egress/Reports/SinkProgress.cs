namespace ActorSim.Egress.Reports;

/// <summary>One sink of a running <see cref="EgressPipeline"/>, as <see cref="EgressPipeline.Progress"/> sees it now.</summary>
/// <param name="Sink">The sink's name.</param>
/// <param name="Written">Records stored so far.</param>
/// <param name="QueuedBatches">Batches waiting for its writer (the queue is full at <c>SinkOptions.MaxQueuedBatches</c>).</param>
/// <param name="PublishBlocked">Wall time the publisher has spent blocked on its full queue.</param>
public sealed record SinkProgress(string Sink, long Written, int QueuedBatches, TimeSpan PublishBlocked);
