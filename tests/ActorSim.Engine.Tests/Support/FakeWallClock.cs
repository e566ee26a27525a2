using ActorSim.Engine.Pacing;

namespace ActorSim.Engine.Tests.Support;

/// <summary>A wall clock that only moves when told to (or when slept on), so pacing tests never really sleep.</summary>
internal sealed class FakeWallClock : IWallClock
{
    private readonly List<double> _sleeps = [];

    public double ElapsedSeconds { get; private set; }

    public IReadOnlyList<double> Sleeps => _sleeps;

    public void Sleep(double seconds)
    {
        _sleeps.Add(seconds);
        ElapsedSeconds += seconds;
    }

    /// <summary>Moves the clock as slow model code would.</summary>
    public void Advance(double seconds) => ElapsedSeconds += seconds;
}
