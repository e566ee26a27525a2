namespace ActorSim.Engine;

/// <summary>An event that succeeds after a delay of simulated seconds.</summary>
public sealed class Timeout : Event
{
    /// <summary>Schedules a timeout <paramref name="delay"/> seconds from now, succeeding with <paramref name="value"/>.</summary>
    public Timeout(Simulation simulation, double delay, object? value = null)
        : base(simulation)
    {
        if (!(delay >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay,
                $"A timeout needs a delay of zero or more simulated seconds; {delay} was given.");
        }

        Delay = delay;
        MarkTriggered(value, null);
        simulation.Schedule(this, EventPriority.Normal, delay);
    }

    /// <summary>The delay in simulated seconds.</summary>
    public double Delay { get; }

    private protected override string Describe() => $"Timeout({Delay})";
}
