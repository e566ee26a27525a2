namespace ActorSim.Engine.Tests.Support;

/// <summary>Shortcuts for process code in tests.</summary>
internal static class SimulationExtensions
{
    /// <summary>The process whose code is running (call it from inside a process only).</summary>
    public static Process Self(this Simulation simulation) =>
        simulation.ActiveProcess ?? throw new InvalidOperationException("Self() was called outside a process.");
}
