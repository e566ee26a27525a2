using ActorSim.Engine;
using ActorSim.Forecasts;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;
using ActorSim.Runs;

namespace ActorSim.Cluster.Tests.Support;

/// <summary>A forecast of the catalog's Line_A from an exact snapshot taken 3 hours into a run, as its JSON travels.</summary>
internal static class LineAForecast
{
    public static ModelSource Model { get; } = ModelSource.FromCatalog("Line_A");

    /// <summary>The snapshot's JSON and the request, whose snapshot is read back from that JSON (as every node reads it).</summary>
    public static (string SnapshotJson, ForecastRequest Request) Create(int replications, double horizonSeconds, ulong seed = 7)
    {
        var (plant, name) = RunCompiler.BuildModel(Model);
        var simulation = new Simulation(0, new DateTime(2026, 1, 1));
        var line = plant.StartLine(0, simulation, NullRecordSink.Instance, 42, new DirectOutbox(new Line[1]));
        simulation.RunUntil(3 * 3600);
        var json = SnapshotJson.Write(SnapshotCapture.Take(plant, name, [line], 42));
        return (json, new ForecastRequest
        {
            Plant = plant,
            ModelName = name,
            Snapshot = SnapshotJson.Read(json, "test snapshot"),
            HorizonSeconds = horizonSeconds,
            Replications = replications,
            Seed = seed,
            Parallelism = 1,
            Alerts = [new QueueAlert("Line_A", "lathe", 3)],
        });
    }

    /// <summary>Every replication's row and samples, bit for bit, as text to compare.</summary>
    public static string[] Bits(ForecastResult result) =>
        result.Rows.Zip(result.Samples).Select(p => string.Join(",", p.First.Concat(p.Second).Select(BitConverter.DoubleToInt64Bits))).ToArray();
}
