namespace ActorSim.Model.Registry;

/// <summary>A change of a registry path, as observers see it.</summary>
/// <param name="Path">The dot path that changed.</param>
/// <param name="OldValue">The value before.</param>
/// <param name="NewValue">The value after.</param>
/// <param name="SimulatedTime">The simulated time of the change (NaN when no simulation is attached).</param>
public sealed record RegistryChange(string Path, object OldValue, object NewValue, double SimulatedTime);
