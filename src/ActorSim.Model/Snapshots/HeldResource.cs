namespace ActorSim.Model.Snapshots;

/// <summary>A unit a queued task still holds from its previous step, across a hand-off.</summary>
/// <param name="Resource">The resource's name in the line.</param>
/// <param name="Since">When the unit was granted, in simulated seconds from the run's start.</param>
public sealed record HeldResource(string Resource, double Since);
