namespace ActorSim.Egress.Destinations;

/// <summary>A destination a run may not write to as asked: not empty, locked by another run, or holding files ActorSim did not write.</summary>
public sealed class DestinationException(string message) : Exception(message);
