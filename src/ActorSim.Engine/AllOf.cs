namespace ActorSim.Engine;

/// <summary>Succeeds when all of its events have succeeded.</summary>
public sealed class AllOf(Simulation simulation, IEnumerable<Event> events) : Condition(simulation, events)
{
    /// <inheritdoc />
    protected override bool IsSatisfied(int succeeded, int total) => succeeded == total;
}
