namespace ActorSim.Model.Snapshots;

/// <summary>A scenario change still to come at a snapshot's instant.</summary>
/// <param name="At">When it applies, in simulated seconds from the run's start.</param>
/// <param name="Path">The registry path.</param>
/// <param name="Value">The new value.</param>
public sealed record ScenarioStep(double At, string Path, object Value);
