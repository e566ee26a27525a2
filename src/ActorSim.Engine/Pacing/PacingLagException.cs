namespace ActorSim.Engine.Pacing;

/// <summary>Thrown by a strictly paced run that fell behind the wall clock by more than its tolerance.</summary>
public sealed class PacingLagException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PacingLagException(double simulatedTime, double lagSeconds, double toleranceSeconds)
        : base($"The simulation is {lagSeconds:0.###} s behind the wall clock at t={SimTime.Format(simulatedTime)} " +
               $"(strict tolerance {toleranceSeconds} s). Lower the factor, lighten the model or turn strict off.")
    {
        SimulatedTime = simulatedTime;
        LagSeconds = lagSeconds;
    }

    /// <summary>The simulated time at which the lag was found.</summary>
    public double SimulatedTime { get; }

    /// <summary>The lag in wall seconds.</summary>
    public double LagSeconds { get; }
}
