using ActorSim.Egress;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Random;
using ActorSim.Snapshots.EventLogs;

namespace ActorSim.Bench;

/// <summary>
/// The event-log reader over a week of Line_A history (3.63 M lifecycle records in 726 chunks, as <c>actorsim history</c>
/// writes it): a folder given on the command line, or one written here first through the history job's sink.
/// </summary>
internal static class EventLogBenchmarks
{
    /// <summary>Writes the week into <paramref name="folder"/> as the history job does (flattened, batch 5000, flush one day).</summary>
    public static void WriteWeek(string folder, ChunkFormat format)
    {
        var start = new DateTime(2026, 1, 1);
        var sim = new Simulation(0, start);
        var extension = format == ChunkFormat.Parquet ? "parquet" : "jsonl";
        var pipeline = new EgressPipeline(start,
        [
            new SinkOptions
            {
                Name = "history", Store = new LocalObjectStore(folder), Format = format, BatchSize = 5000, FlushInterval = 86400,
                Router = Routers.All($"events.{extension}").DropTelemetry().DropLagMetric().Flatten(),
            },
        ]);
        ReferenceModels.LineA().Start(sim, pipeline, RandomStream.Create(42, "Line_A"));
        sim.Run(ReferenceModelBenchmarks.Week);
        pipeline.Complete();
    }

    /// <summary>Reads every chunk with <see cref="EventLogReader.ReadChunksAsync"/>, touching each record.</summary>
    public static BenchResult Chunks(string name, string folder) => Measure.Repeat(name, () =>
    {
        var (records, lifecycle) = ReadChunksAsync(folder).GetAwaiter().GetResult();
        return (records, $"{lifecycle:N0} lifecycle");
    });

    /// <summary>Reads record by record with <see cref="EventLogReader.ReadAsync"/>.</summary>
    public static BenchResult Records(string name, string folder) => Measure.Repeat(name, () =>
    {
        var (records, lifecycle) = ReadRecordsAsync(folder).GetAwaiter().GetResult();
        return (records, $"{lifecycle:N0} lifecycle");
    });

    private static async Task<(long Records, long Lifecycle)> ReadChunksAsync(string folder)
    {
        var reader = await EventLogReader.OpenAsync(new LocalObjectStore(folder));
        long records = 0, lifecycle = 0;
        await foreach (var chunk in reader.ReadChunksAsync())
        {
            foreach (ref readonly var r in chunk.Records.Span)
            {
                records++;
                lifecycle += r.Status is null ? 0 : 1;
            }
        }

        return (records, lifecycle);
    }

    private static async Task<(long Records, long Lifecycle)> ReadRecordsAsync(string folder)
    {
        var reader = await EventLogReader.OpenAsync(new LocalObjectStore(folder));
        long records = 0, lifecycle = 0;
        await foreach (var r in reader.ReadAsync())
        {
            records++;
            lifecycle += r.Status is null ? 0 : 1;
        }

        return (records, lifecycle);
    }
}
