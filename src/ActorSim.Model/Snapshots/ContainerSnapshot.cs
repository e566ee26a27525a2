namespace ActorSim.Model.Snapshots;

/// <summary>A container's level at a snapshot's instant.</summary>
/// <param name="Name">The container's name in the line.</param>
/// <param name="Level">Its level.</param>
public sealed record ContainerSnapshot(string Name, double Level);
