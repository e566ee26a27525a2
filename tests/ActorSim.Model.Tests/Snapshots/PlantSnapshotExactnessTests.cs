using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;

namespace ActorSim.Model.Tests.Snapshots;

/// <summary>
/// Exact snapshots of plants: from T on, every line of a run continued from a snapshot at T writes what the
/// uninterrupted run wrote, on the sequential and the windowed runner, items in transit included; and a run that takes
/// a snapshot on its way writes exactly what it writes without.
/// </summary>
public sealed class PlantSnapshotExactnessTests
{
    public static TheoryData<string, double, bool, bool> Cases => new()
    {
        { "two-stage", 1800.0, false, false },
        { "two-stage", 3600.0, true, false },
        { "two-stage", 2222.5, false, true },
        { "two-stage", 4000.0, true, true },
        { "rework-loop", 1800.0, false, false },
        { "rework-loop", 3000.0, true, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_plant_continued_from_a_snapshot_writes_what_the_uninterrupted_run_writes(string plantName, double at, bool windowedFirst, bool windowedRest)
    {
        var plant = Plant(plantName);
        const double until = 3 * 3600;
        var whole = Run(plant, windowed: false, new PlantRunOptions { Seed = 42, Until = until });
        ModelSnapshot? snapshot = null;
        var first = Run(plant, windowedFirst, new PlantRunOptions { Seed = 42, Until = at, SnapshotTimes = [at], SnapshotTaken = s => snapshot = s, ModelName = plantName });
        Assert.NotNull(snapshot);
        var read = SnapshotJson.Read(SnapshotJson.Write(snapshot), "plant.json");
        SnapshotValidator.Check(read, plant, "plant.json");
        Assert.Contains(read.Lines, l => l.InTransit.Count > 0);

        var rest = Run(plant, windowedRest, new PlantRunOptions { Seed = 42, Until = until, From = read });

        foreach (var line in plant.Lines)
        {
            var expected = whole[line.SimId].Where(r => r.SimTime >= at).Select(Describe).ToArray();
            Assert.True(expected.Length > 50, $"{line.SimId}: only {expected.Length} records after t={at}");
            Assert.Equal(expected, rest[line.SimId].Select(Describe).ToArray());
            Assert.Equal(whole[line.SimId].Where(r => r.SimTime < at).Select(Describe), first[line.SimId].Select(Describe));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Taking_a_snapshot_on_the_way_changes_no_record(bool windowed)
    {
        var plant = ReferenceModels.TwoStagePlant();
        var plain = Run(plant, windowed, new PlantRunOptions { Seed = 7, Until = 7200 });
        var taken = 0;

        var withSnapshot = Run(plant, windowed, new PlantRunOptions { Seed = 7, Until = 7200, SnapshotTimes = [1000, 3333.3, 7200], SnapshotTaken = _ => taken++ });

        Assert.Equal(3, taken);
        foreach (var line in plant.Lines)
        {
            Assert.Equal(plain[line.SimId].Select(Describe), withSnapshot[line.SimId].Select(Describe));
        }
    }

    [Fact]
    public void The_windowed_and_sequential_runners_take_the_same_snapshot()
    {
        var plant = ReferenceModels.ReworkLoopPlant();
        string? sequential = null;
        string? windowed = null;

        Run(plant, false, new PlantRunOptions { Seed = 3, Until = 2500, SnapshotTimes = [2500], SnapshotTaken = s => sequential = SnapshotJson.Write(s) });
        Run(plant, true, new PlantRunOptions { Seed = 3, Until = 2500, SnapshotTimes = [2500], SnapshotTaken = s => windowed = SnapshotJson.Write(s) });

        Assert.NotNull(sequential);
        Assert.Equal(sequential, windowed);
    }

    private static Dictionary<string, IReadOnlyList<SimRecord>> Run(PlantModel plant, bool windowed, PlantRunOptions options)
    {
        var sinks = plant.Lines.ToDictionary(l => l.SimId, _ => new InMemoryRecordSink());
        if (windowed)
        {
            new WindowedPlantRunner(plant, parallelism: 2).Run(options, l => sinks[l.SimId], CancellationToken.None);
        }
        else
        {
            new SequentialPlantRunner(plant).Run(options, l => sinks[l.SimId], CancellationToken.None);
        }

        return sinks.ToDictionary(p => p.Key, p => p.Value.Records);
    }

    private static PlantModel Plant(string name) => name == "two-stage" ? ReferenceModels.TwoStagePlant() : ReferenceModels.ReworkLoopPlant();

    private static string Describe(SimRecord r) => $"{r.Kind} {r.SimTime:R} {r.Key} {r.PathId} {r.Status} {r.Number:R} {r.Value}";
}
