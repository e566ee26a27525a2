namespace ActorSim.Model.Building;

/// <summary>A registry update applied at a simulated time (a blueprint's <c>scenario</c> entry).</summary>
/// <param name="At">Simulated seconds from the start of the run.</param>
/// <param name="Path">The registry path.</param>
/// <param name="Value">The new value (converted to the path's type when safe).</param>
public sealed record ScenarioChange(double At, string Path, object Value);
