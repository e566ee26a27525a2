namespace ActorSim.Engine;

/// <summary>Succeeds as soon as one of its events has succeeded.</summary>
public sealed class AnyOf(Simulation simulation, IEnumerable<Event> events) : Condition(simulation, events)
{
    /// <inheritdoc />
    protected override bool IsSatisfied(int succeeded, int total) => succeeded > 0 || total == 0;
}
