namespace ActorSim.Egress;

/// <summary>Marker for the egress assembly.</summary>
internal static class EgressAssembly
{
}
