namespace ActorSim.Engine;

/// <summary>Yielded by a process to end with a return value (see <see cref="Simulation.Exit"/>); never scheduled.</summary>
public sealed class ProcessExit : Event
{
    internal ProcessExit(Simulation simulation, object? returnValue)
        : base(simulation)
    {
        ReturnValue = returnValue;
    }

    /// <summary>The value the process succeeds with.</summary>
    public object? ReturnValue { get; }
}
