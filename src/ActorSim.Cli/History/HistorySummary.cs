using System.Globalization;
using ActorSim.Cli.Progress;

namespace ActorSim.Cli.History;

/// <summary>The end-of-run summary: what was simulated, and per sink and destination what was published, written and dropped.</summary>
internal static class HistorySummary
{
    public static void Write(TextWriter output, HistoryResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        var seconds = result.Elapsed.TotalSeconds;
        var tasks = result.Tasks is { } n ? string.Create(inv, $"{n:N0} tasks, ") : string.Empty;
        output.WriteLine(string.Create(inv,
            $"Simulated {ProgressText.SimulatedTime(result.DurationSeconds)} from {result.Start:yyyy-MM-ddTHH:mm:ss.fff} with the {result.Engine} engine in {seconds:0.000} s: " +
            $"{tasks}{result.EngineEvents:N0} engine events, {result.Records:N0} records ({result.Records / Math.Max(seconds, 1e-9) / 1e6:0.00} M records/s)."));
        output.WriteLine(string.Create(inv,
            $"runtime: {GC.GetTotalAllocatedBytes() / 1e6:0} MB allocated, GC collections gen0/gen1/gen2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, {GC.GetTotalPauseDuration().TotalSeconds:0.000} s paused; " +
            $"JIT {System.Runtime.JitInfo.GetCompiledMethodCount():N0} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:0.000} s"));
        foreach (var sink in result.Egress.Sinks)
        {
            output.WriteLine(string.Create(inv,
                $"sink {sink.Sink}: published {sink.Published:N0}, written {sink.Written:N0}, dropped {sink.Dropped:N0}, {sink.Chunks:N0} chunks, {sink.Bytes / 1e6:0.0} MB"));
            foreach (var destination in sink.Destinations)
            {
                output.WriteLine(string.Create(inv,
                    $"  {destination.Destination}: {destination.Written:N0} of {destination.Published:N0} written in {destination.Chunks:N0} chunks ({destination.Bytes / 1e6:0.0} MB)"));
            }
        }
    }
}
