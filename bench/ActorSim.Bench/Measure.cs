using System.Diagnostics;

namespace ActorSim.Bench;

/// <summary>
/// Times a benchmark body, counting bytes allocated on this thread. <see cref="Repeat"/> runs it several times and
/// keeps the fastest, since a shared machine only ever adds time.
/// </summary>
internal static class Measure
{
    /// <summary>How many times <see cref="Repeat"/> runs a body (override with ACTORSIM_BENCH_REPEAT).</summary>
    public static int Repetitions { get; } = int.TryParse(Environment.GetEnvironmentVariable("ACTORSIM_BENCH_REPEAT"), out var n) && n > 0 ? n : 5;

    /// <summary>Runs <paramref name="body"/> <see cref="Repetitions"/> times; returns the fastest, noting the median.</summary>
    public static BenchResult Repeat(string name, Func<(long Events, string Note)> body)
    {
        var runs = Enumerable.Range(0, Repetitions).Select(_ => Run(name, body)).OrderBy(r => r.WallSeconds).ToList();
        var best = runs[0];
        return best with { Note = $"best of {runs.Count}, median {runs[runs.Count / 2].WallSeconds:0.000} s; {best.Note}" };
    }

    public static BenchResult Run(string name, Func<(long Events, string Note)> body)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var pauseBefore = GC.GetTotalPauseDuration();
        var gen0Before = GC.CollectionCount(0);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var (events, note) = body();
        stopwatch.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var gc = $"cpu {cpu:0.000} s, GC {GC.CollectionCount(0) - gen0Before} gen0, {(GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds:0.000} s paused";
        return new BenchResult(name, stopwatch.Elapsed.TotalSeconds, events, allocated, $"{gc}; {note}");
    }
}
