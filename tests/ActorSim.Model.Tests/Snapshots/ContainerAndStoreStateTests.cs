using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Plants;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;

namespace ActorSim.Model.Tests.Snapshots;

/// <summary>A snapshot carries containers' levels and stores' items into the restored line, and back out of it.</summary>
public sealed class ContainerAndStoreStateTests
{
    private static readonly LineModel Model = new LineBuilder("Line_S")
        .AddArrival("standard", DistributionConfig.Exponential(1.0))
        .AddService("packing", DistributionConfig.Constant(0.5))
        .AddResource("packer", currentCap: 1)
        .AddContainer("glue", currentCap: 100, initialLevel: 40)
        .AddStore("pallets", currentCap: 10)
        .AddTask("part", arrival: "standard", steps => steps.Step("packer", "packing"))
        .Build();

    private static readonly PlantModel Plant = new PlantBuilder().AddLine(Model).Build();

    [Fact]
    public void Levels_and_items_written_in_a_snapshot_are_the_restored_lines_and_its_next_snapshots()
    {
        var snapshot = new ModelSnapshot
        {
            Kind = SnapshotKind.Observed,
            Model = new ModelIdentity("Line_S", ModelFingerprint.Of(Plant)),
            Start = new DateTime(2026, 1, 1),
            AsOf = 100,
            Lines = [new LineSnapshot { SimId = "Line_S", Containers = [new ContainerSnapshot("glue", 12.5)], Stores = [new StoreSnapshot("pallets", ["p-1", 7L, true])] }],
        };
        SnapshotValidator.Check(snapshot, Plant, "stores");

        var line = Model.Resume(new Simulation(100, snapshot.Start), NullRecordSink.Instance, snapshot.Lines[0], snapshot.Kind, RandomStream.Create(1, "Line_S"));
        line.Simulation.RunUntil(110);
        var again = line.CaptureState();

        Assert.Equal(12.5, line.Containers["glue"].Level);
        Assert.Equal(["p-1", 7L, true], line.Stores["pallets"].Items);
        Assert.Equal(12.5, Assert.Single(again.Containers).Level);
        Assert.Equal(["p-1", 7L, true], Assert.Single(again.Stores).Items);
        var json = SnapshotJson.Write(SnapshotCapture.Take(Plant, "Line_S", [line]));
        var read = SnapshotJson.Read(json, "again").Lines[0].Stores[0].Items;
        Assert.Equal("String Int64 Boolean", string.Join(" ", read.Select(i => i.GetType().Name)));
        Assert.Equal(["p-1", 7L, true], read);
    }

    [Fact]
    public void A_store_the_line_does_not_have_is_refused()
    {
        var snapshot = new ModelSnapshot
        {
            Kind = SnapshotKind.Observed,
            Model = new ModelIdentity("Line_S", ModelFingerprint.Of(Plant)),
            Start = new DateTime(2026, 1, 1),
            AsOf = 100,
            Lines = [new LineSnapshot { SimId = "Line_S", Stores = [new StoreSnapshot("crates", [])] }],
        };

        var e = Assert.Throws<SnapshotException>(() => SnapshotValidator.Check(snapshot, Plant, "stores"));

        Assert.Contains("lines[0].stores[0].name: line 'Line_S' has no store 'crates'; it has pallets", e.Message);
    }
}
