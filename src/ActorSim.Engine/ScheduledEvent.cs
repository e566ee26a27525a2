namespace ActorSim.Engine;

/// <summary>An event in the simulation's schedule (<see cref="Simulation.PendingInOrder"/>).</summary>
/// <param name="Event">The event.</param>
/// <param name="Time">When it will be processed, in simulated seconds.</param>
/// <param name="IsDelivery">True for a delivery from outside (<see cref="Simulation.ScheduleDelivery"/>), ordered by its source and sequence.</param>
public readonly record struct ScheduledEvent(Event Event, double Time, bool IsDelivery);
