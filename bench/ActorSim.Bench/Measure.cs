using System.Diagnostics;

namespace ActorSim.Bench;

/// <summary>Times a benchmark body after a short warm-up, counting bytes allocated on this thread.</summary>
internal static class Measure
{
    public static BenchResult Run(string name, Func<(long Events, string Note)> body)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        var (events, note) = body();
        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new BenchResult(name, stopwatch.Elapsed.TotalSeconds, events, allocated, note);
    }
}
