namespace ActorSim.Model.Snapshots;

/// <summary>Which model a snapshot belongs to: a snapshot restores only into a model with the same fingerprint.</summary>
/// <param name="Name">The model's name (a blueprint's file or a catalog name), for people; not checked.</param>
/// <param name="Fingerprint">
/// The model's structure (<see cref="ModelFingerprint"/>): its lines, tasks and their steps, resources, containers,
/// arrival and service names and links, but not its parameter values, which are state.
/// </param>
public sealed record ModelIdentity(string Name, string Fingerprint);
