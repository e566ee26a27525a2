using ActorSim.Actors.Tests.Support;
using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Random;
using ActorSim.Model.Records;

namespace ActorSim.Actors.Tests.Runs;

/// <summary>Issue 4 §3: per line, the actors write exactly the records of the sequential reference, on 1 and 2 threads.</summary>
[Collection(ActorsCollection.Name)]
public sealed class ActorDeterminismTests
{
    public static TheoryData<string, ulong, int, GrantMode, bool> Cases()
    {
        // Every line in one process: items go straight between lines unless direct items are off (the last cases).
        var data = new TheoryData<string, ulong, int, GrantMode, bool>();
        foreach (var plant in new[] { "two-stage", "rework-loop" })
        {
            data.Add(plant, 1, 1, GrantMode.Eager, true);
            data.Add(plant, 42, 2, GrantMode.Eager, true);
            data.Add(plant, 20240601, 2, GrantMode.Eager, true);
            data.Add(plant, 42, 2, GrantMode.Rounds, true);
            data.Add(plant, 42, 2, GrantMode.Eager, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Actors_should_write_the_records_of_the_sequential_reference_line_for_line(string name, ulong seed, int parallelism, GrantMode grants, bool directItems)
    {
        // The two-stage plant runs three windows (a simulated hour each), so eager grants overlap and lines run ahead.
        var plant = name == "two-stage" ? ReferenceModels.TwoStagePlant(5) : ReferenceModels.ReworkLoopPlant(5);
        var until = name == "two-stage" ? 3 * 3600 : 1800;

        var (reference, referenceStats) = PlantRuns.Run(new SequentialPlantRunner(plant), seed, until);
        var (actors, actorStats) = PlantRuns.Run(
            new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = parallelism, ProgressInterval = 600, Grants = grants, DirectItems = directItems }), seed, until);

        Assert.Equal(plant.Lines.Select(l => l.SimId).Order(), actors.Keys.Order());
        foreach (var (simId, records) in reference)
        {
            Assert.True(records.Count > 100, $"{simId} wrote only {records.Count} records");
            Assert.Equal(records, actors[simId]);
        }

        Assert.Equal(referenceStats.ItemsSent, actorStats.ItemsSent);
        Assert.Equal(referenceStats.ProcessedEvents, actorStats.ProcessedEvents);
        Assert.True(actorStats.Rounds >= 2);
    }

    [Fact]
    public void Lines_should_write_the_same_records_whether_they_give_their_thread_back_after_every_slice_or_after_a_turn()
    {
        // The two-stage plant's hour-long grants cut into 10-minute slices on 2 threads: a turn of zero gives the thread
        // back after every slice, an hour's turn runs a whole grant at once.
        var plant = ReferenceModels.TwoStagePlant(5);
        var settings = TestConfig.Settings with { Parallelism = 2, ProgressInterval = 600 };

        var (everySlice, _) = PlantRuns.Run(new ActorPlantRunner(plant, settings with { LineTurn = TimeSpan.Zero }), 7, 4 * 3600);
        var (longTurns, _) = PlantRuns.Run(new ActorPlantRunner(plant, settings with { LineTurn = TimeSpan.FromHours(1) }), 7, 4 * 3600);
        var (reference, _) = PlantRuns.Run(new SequentialPlantRunner(plant), 7, 4 * 3600);

        foreach (var (simId, records) in reference)
        {
            Assert.Equal(records, everySlice[simId]);
            Assert.Equal(records, longTurns[simId]);
        }
    }

    [Fact]
    public void Reference_line_through_the_actors_should_equal_the_direct_run_for_one_simulated_hour()
    {
        var plant = new PlantBuilder().AddLine(ReferenceModels.LineA()).Build();
        var direct = new InMemoryRecordSink();
        var simulation = new Simulation();
        ReferenceModels.LineA().Start(simulation, direct, RandomStream.Create(42, "Line_A"));
        simulation.Run(3600);

        var (actors, stats) = PlantRuns.Run(new ActorPlantRunner(plant, TestConfig.Settings with { Parallelism = 1 }), 42, 3600);

        Assert.True(direct.Records.Count > 10_000);
        Assert.Equal(direct.Records.Select(r => r.ToString()), actors["Line_A"]);
        Assert.Equal((1L, 1L), (stats.Rounds, stats.Grants));
    }
}
