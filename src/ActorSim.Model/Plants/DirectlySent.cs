namespace ActorSim.Model.Plants;

/// <summary>
/// Items a line sent straight to a line on its own node during a grant, not through the coordinator: the coordinator
/// learns only how many and when the first is due, which is what its safe horizons need, and tells the destination
/// when to deliver them (<see cref="DirectRelease"/>).
/// </summary>
/// <param name="DestinationLine">The receiving line's index.</param>
/// <param name="Through">How many items the sender has sent straight to that line since the run started, these included.</param>
/// <param name="EarliestArrival">The earliest arrival time among the items of this grant.</param>
public sealed record DirectlySent(int DestinationLine, long Through, double EarliestArrival);
