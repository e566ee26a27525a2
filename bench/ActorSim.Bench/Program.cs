using System.Diagnostics;
using ActorSim.Bench;

// Usage: dotnet run -c Release --project bench/ActorSim.Bench -- [engine|reference|sampler|history|history-discard|history-actors|read-events [DIR]|snapshot|forecast|egress|encode-parquet|actors|eight-lines|line-modes|two-stage|alloc|all]
// Run one group per process when you want its peak memory: peak working set is process-wide.
var group = args.Length > 0 ? args[0] : "all";
var results = new List<BenchResult>();
Console.WriteLine($"ActorSim benchmarks ({group}) on {Environment.ProcessorCount} cores, .NET {Environment.Version}");

if (group is "reference" or "all")
{
    results.Add(ReferenceModelBenchmarks.Builder(ReferenceModelBenchmarks.Week));
    results.Add(ReferenceModelBenchmarks.Imperative(ReferenceModelBenchmarks.Week));
}

if (group is "history-discard")
{
    results.Add(HistoryBenchmarks.Week("history week -> discard (parquet)", ActorSim.Egress.ChunkFormat.Parquet, () => new DiscardingStore()));
}

if (group is "history-actors")
{
    var dir = Path.Combine(Path.GetTempPath(), "actorsim-bench-" + Environment.ProcessId);
    for (var i = 0; i < 2; i++)
    {
        results.Add(HistoryBenchmarks.Week("history week -> local parquet (direct)", ActorSim.Egress.ChunkFormat.Parquet, () => new ActorSim.Egress.Storage.LocalObjectStore(Path.Combine(dir, Guid.NewGuid().ToString("N")))));
        results.Add(HistoryBenchmarks.WeekThroughActors("history week -> local parquet (actors)", () => new ActorSim.Egress.Storage.LocalObjectStore(Path.Combine(dir, Guid.NewGuid().ToString("N")))));
    }

    Directory.Delete(dir, recursive: true);
}

if (group is "history" or "all")
{
    results.Add(HistoryBenchmarks.Week("history week -> router drops all", ActorSim.Egress.ChunkFormat.Parquet, () => new DiscardingStore(), dropAll: true));
    results.Add(HistoryBenchmarks.Week("history week -> discard (parquet)", ActorSim.Egress.ChunkFormat.Parquet, () => new DiscardingStore()));
    results.Add(HistoryBenchmarks.Week("history week -> discard (jsonl)", ActorSim.Egress.ChunkFormat.Jsonl, () => new DiscardingStore()));
    var dir = Path.Combine(Path.GetTempPath(), "actorsim-bench-" + Environment.ProcessId);
    results.Add(HistoryBenchmarks.Week("history week -> local parquet", ActorSim.Egress.ChunkFormat.Parquet, () => new ActorSim.Egress.Storage.LocalObjectStore(Path.Combine(dir, Guid.NewGuid().ToString("N")))));
    Directory.Delete(dir, recursive: true);
}

if (group is "read-events")
{
    // A folder of `actorsim history` output when one is given; otherwise the week is written here first, in both formats.
    if (args.Length > 1)
    {
        results.Add(EventLogBenchmarks.Chunks("read events: chunks", args[1]));
        results.Add(EventLogBenchmarks.Records("read events: records", args[1]));
    }
    else
    {
        foreach (var format in new[] { ActorSim.Egress.ChunkFormat.Parquet, ActorSim.Egress.ChunkFormat.Jsonl })
        {
            var dir = Path.Combine(Path.GetTempPath(), "actorsim-bench-" + Environment.ProcessId + "-" + format);
            EventLogBenchmarks.WriteWeek(dir, format);
            results.Add(EventLogBenchmarks.Chunks($"read events: week of {format} chunks", dir));
            results.Add(EventLogBenchmarks.Records($"read events: week of {format} records", dir));
            Directory.Delete(dir, recursive: true);
        }
    }
}

if (group is "snapshot")
{
    results.AddRange(SnapshotBenchmarks.TwoStageMidWeek());
    results.AddRange(SnapshotBenchmarks.RebuildWeek());
}

if (group is "forecast")
{
    results.AddRange(ForecastBenchmarks.LineAMidWeek());
}

if (group is "encode-parquet")
{
    foreach (var compression in Enum.GetValues<ActorSim.Egress.ParquetCompression>())
    {
        results.Add(EgressBenchmarks.EncodeOnly(ActorSim.Egress.ChunkFormat.Parquet, compression));
    }
}

if (group is "egress" or "all")
{
    results.Add(EgressBenchmarks.EncodeOnly(ActorSim.Egress.ChunkFormat.Parquet));
    results.Add(EgressBenchmarks.EncodeOnly(ActorSim.Egress.ChunkFormat.Jsonl));
    results.Add(EgressBenchmarks.Week(ActorSim.Egress.ChunkFormat.Parquet));
    results.Add(EgressBenchmarks.Week(ActorSim.Egress.ChunkFormat.Jsonl));
}

if (group is "sampler" or "all")
{
    results.Add(SamplerBenchmarks.Draws("exponential", ActorSim.Model.Distributions.DistributionConfig.Exponential(2), 10_000_000));
    results.Add(SamplerBenchmarks.Draws("normal", ActorSim.Model.Distributions.DistributionConfig.Normal(2, 0.2), 10_000_000));
}

if (group is "two-stage")
{
    results.Add(ActorBenchmarks.TwoStageSequential(7 * ActorBenchmarks.Day));
    results.Add(ActorBenchmarks.TwoStageActors(1, 7 * ActorBenchmarks.Day));
    results.Add(ActorBenchmarks.TwoStageActors(2, 7 * ActorBenchmarks.Day));
    results.Add(ActorBenchmarks.TwoStageActors(2, 7 * ActorBenchmarks.Day, ActorSim.Actors.GrantMode.Rounds));
}

if (group is "alloc")
{
    AllocationProfile.Run(() => ActorBenchmarks.LineADirect(ReferenceModelBenchmarks.Week));
}

if (group is "line-modes")
{
    // Interleaved, three times over: a process warms up (tiering, heap growth) while it runs, which favours whatever runs last.
    for (var round = 0; round < 3; round++)
    {
        results.Add(ActorBenchmarks.LineADirect(ReferenceModelBenchmarks.Week));
        results.Add(ActorBenchmarks.LineASequentialPlant(ReferenceModelBenchmarks.Week));
        results.Add(ActorBenchmarks.LineAActors(ReferenceModelBenchmarks.Week));
    }
}

if (group is "eight-lines")
{
    // Interleaved: the machine's own 2-thread gain (plain threads) next to the actors', in the same minutes.
    for (var round = 0; round < 2; round++)
    {
        results.Add(ActorBenchmarks.EightLinesPlainThreads(1, ActorBenchmarks.Day));
        results.Add(ActorBenchmarks.EightLinesPlainThreads(2, ActorBenchmarks.Day));
        results.Add(ActorBenchmarks.EightLines(1, ActorBenchmarks.Day));
        results.Add(ActorBenchmarks.EightLines(2, ActorBenchmarks.Day));
    }
}

if (group is "actors" or "all")
{
    results.Add(ActorBenchmarks.LineADirect(ReferenceModelBenchmarks.Week));
    results.Add(ActorBenchmarks.LineAActors(ReferenceModelBenchmarks.Week));
    results.Add(ActorBenchmarks.EightLinesPlainThreads(1, ActorBenchmarks.Day));
    results.Add(ActorBenchmarks.EightLinesPlainThreads(2, ActorBenchmarks.Day));
    results.Add(ActorBenchmarks.EightLines(1, ActorBenchmarks.Day));
    results.Add(ActorBenchmarks.EightLines(2, ActorBenchmarks.Day));
    results.Add(ActorBenchmarks.TwoStageSequential(ActorBenchmarks.Day));
    results.Add(ActorBenchmarks.TwoStageActors(1, ActorBenchmarks.Day));
    results.Add(ActorBenchmarks.TwoStageActors(2, ActorBenchmarks.Day));
    results.Add(ActorBenchmarks.TwoStageSequential(7 * ActorBenchmarks.Day));
    results.Add(ActorBenchmarks.TwoStageActors(2, 7 * ActorBenchmarks.Day));
    results.Add(ActorBenchmarks.TwoStageActors(2, 7 * ActorBenchmarks.Day, ActorSim.Actors.GrantMode.Rounds));
    results.Add(ActorBenchmarks.ReworkActors(2, 3600));
}

if (group is "engine" or "all")
{
    foreach (var processes in new[] { 1, 100, 10_000, 1_000_000 })
    {
        results.Add(EngineBenchmarks.TimeoutLoops(processes, 5_000_000));
    }

    results.Add(EngineBenchmarks.Contention(100_000, 4));
}

foreach (var result in results)
{
    Console.WriteLine(result);
}

Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:0} MB");
