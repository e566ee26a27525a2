using System.Diagnostics;

namespace ActorSim.Actors.Tests.Support;

/// <summary>Stopwatch timestamps that move only when a test says so: a watchdog driven by it never fires on a slow machine.</summary>
internal sealed class ManualClock
{
    private long _now = Stopwatch.GetTimestamp();

    /// <summary>The current timestamp, in <see cref="Stopwatch"/> ticks; readable from any thread.</summary>
    public long Now() => Interlocked.Read(ref _now);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _now, by.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond);
}
