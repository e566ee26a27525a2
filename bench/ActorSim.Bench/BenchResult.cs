using System.Globalization;

namespace ActorSim.Bench;

/// <summary>One measured run: wall time, events, allocation.</summary>
internal sealed record BenchResult(string Name, double WallSeconds, long Events, long AllocatedBytes, string Note = "")
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-34} {WallSeconds,8:0.000} s  {Events,12:N0} events  {Events / WallSeconds / 1e6,7:0.00} M events/s  {(Events == 0 ? 0 : (double)AllocatedBytes / Events),7:0.0} B/event  {Note}");
}
