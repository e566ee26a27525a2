namespace ActorSim.Cli.History;

/// <summary>A destination that could not be checked or locked before the run (an unreachable store, a missing bucket): the run fails before it starts.</summary>
internal sealed class DestinationUnavailableException(string destination, Exception cause)
    : Exception($"cannot take destination '{destination}': {cause.Message}", cause);
