using ActorSim.Egress;

namespace ActorSim.Bench;

/// <summary>
/// The egress pipeline alone, without the engine: a week's worth of lifecycle records (3.63 M) published from this
/// thread and encoded into discarded chunks, so the figures are the pipeline's and the encoder's own cost.
/// </summary>
internal static class EgressBenchmarks
{
    private const long WeekOfRecords = 3_629_085;

    public static BenchResult Week(ChunkFormat format) => Measure.Repeat($"egress only: week of records -> {format}", () =>
    {
        var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var result = EgressBenchmark.RunAsync(new DiscardingStore(), format, WeekOfRecords).GetAwaiter().GetResult();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var sink = result.Report.Sinks[0];
        return (WeekOfRecords, $"{sink.Written:N0} rows, {sink.Chunks} chunks, process CPU {cpu.TotalSeconds:0.000} s, all threads allocated {allocated / 1e6:0} MB");
    });

    public static BenchResult EncodeOnly(ChunkFormat format, ParquetCompression compression = ParquetCompression.Snappy) =>
        Measure.Repeat($"encode only: 726 chunks of 5000 -> {format}{(format == ChunkFormat.Parquet ? $" ({compression})" : "")}", () =>
    {
        var (elapsed, bytes) = EgressBenchmark.EncodeOnly(format, 726, compression: compression);
        return (726L * 5000, $"encoder thread {elapsed.TotalSeconds:0.000} s, {elapsed.TotalMilliseconds * 1e6 / (726.0 * 5000):0} ns/row, {bytes:N0} bytes/chunk");
    });
}
