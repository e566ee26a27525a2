using System.Globalization;
using ActorSim.Engine;

namespace ActorSim.Model.Plants;

/// <summary>A line of a plant failed: names the line and the simulated time, with the cause as inner exception.</summary>
public sealed class LineFailedException : Exception
{
    /// <summary>Creates the exception for line <paramref name="simId"/> failing at <paramref name="simulatedTime"/>.</summary>
    public LineFailedException(string simId, double simulatedTime, Exception innerException)
        : base(string.Create(CultureInfo.InvariantCulture, $"Line '{simId}' failed at t={SimTime.Format(simulatedTime)}: {innerException?.Message}"), innerException)
    {
        SimId = simId;
        SimulatedTime = simulatedTime;
    }

    /// <summary>
    /// Creates the exception for line <paramref name="simId"/> failing at <paramref name="simulatedTime"/> with a
    /// <paramref name="message"/> that already names the line, the time and the cause (a failure reported by another thread).
    /// </summary>
    public LineFailedException(string simId, double simulatedTime, string message)
        : base(message)
    {
        SimId = simId;
        SimulatedTime = simulatedTime;
    }

    /// <summary>The failed line's sim_id.</summary>
    public string SimId { get; }

    /// <summary>The simulated time of the failure.</summary>
    public double SimulatedTime { get; }

    /// <summary>
    /// True when the line did not fail itself: what ran it ended without a word (an actor whose node was lost or that
    /// stopped unexpectedly). A cluster run recovers from such a loss when it takes checkpoints.
    /// </summary>
    public bool HostLost { get; init; }
}
