namespace ActorSim.Snapshots.EventLogs;

/// <summary>The records read from one chunk file, in file order.</summary>
/// <param name="Path">The chunk's path relative to the destination, as a manifest lists it.</param>
/// <param name="RunId">The run that wrote it, from the manifest; null when the destination has none.</param>
/// <param name="Records">Its records before the time bound; the memory is reused for the next chunk, so copy what you keep.</param>
public readonly record struct EventLogChunk(string Path, string? RunId, ReadOnlyMemory<LoggedRecord> Records);
