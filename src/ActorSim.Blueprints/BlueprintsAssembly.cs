namespace ActorSim.Blueprints;

/// <summary>Marker for the blueprints assembly.</summary>
internal static class BlueprintsAssembly
{
}
