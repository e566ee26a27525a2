namespace ActorSim.Engine;

/// <summary>A failure that stopped a run: an event failed and nobody handled it (for example a process threw).</summary>
public sealed class SimulationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SimulationException(string message, double simulatedTime, Exception? innerException = null)
        : base(message, innerException)
    {
        SimulatedTime = simulatedTime;
    }

    /// <summary>The simulated time at which the run failed.</summary>
    public double SimulatedTime { get; }
}
