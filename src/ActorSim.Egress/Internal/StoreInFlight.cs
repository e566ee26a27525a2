namespace ActorSim.Egress.Internal;

/// <summary>A chunk being stored: the store's task, the batch it holds and what it will count once it lands.</summary>
internal sealed record StoreInFlight(Task Task, RecordBatch Batch, string Path, ReadOnlyMemory<byte> Content);
