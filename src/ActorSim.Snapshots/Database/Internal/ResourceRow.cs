namespace ActorSim.Snapshots.Database.Internal;

/// <summary>A row of the resource relation; <see cref="MaxCap"/> null keeps the capacity the parameters give.</summary>
internal sealed record ResourceRow(string Line, string Resource, long CurrentCap, long? MaxCap);
