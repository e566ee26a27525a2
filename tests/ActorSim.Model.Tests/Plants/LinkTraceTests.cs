using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;
using ActorSim.Model.Tests.Support;

namespace ActorSim.Model.Tests.Plants;

public class LinkTraceTests
{
    public static TheoryData<string> Runners() => ["sequential", "windowed"];

    [Theory]
    [MemberData(nameof(Runners))]
    public void Sent_item_should_start_a_task_keeping_its_key_after_the_link_delay(string runner)
    {
        // A: a part every 2 s, 1 s on the mill, then over "belt" (constant 5 s): sent at 3, 5, 7; arrive at B at
        // 8, 10, 12, where 0.5 s of assembly follows.
        var plant = new PlantBuilder()
            .AddLine(Source("A", "belt", every: 2, service: 1, keyPrefix: "a-"))
            .AddLine(Receiver("B", "belt"))
            .AddLink("belt", "A", "B", lookahead: 5)
            .Build();

        var a = PlantRuns.Lifecycle(Runner(runner, plant), 1, 10.2, "A");
        var b = PlantRuns.Lifecycle(Runner(runner, plant), 1, 10.2, "B");

        Assert.Equal(
            [
                "2 a-0 queued A.service.s", "2 a-0 started A.service.s", "3 a-0 finished A.service.s", "3 a-0 sent A.links.belt",
                "4 a-1 queued A.service.s", "4 a-1 started A.service.s", "5 a-1 finished A.service.s", "5 a-1 sent A.links.belt",
            ],
            a.Take(8));
        Assert.Equal(
            [
                "8 a-0 queued B.service.assembly", "8 a-0 started B.service.assembly", "8.5 a-0 finished B.service.assembly",
                "10 a-1 queued B.service.assembly", "10 a-1 started B.service.assembly",
            ],
            b);
    }

    [Theory]
    [MemberData(nameof(Runners))]
    public void Items_arriving_at_the_same_time_should_start_in_source_line_order(string runner)
    {
        // Line 0 (A) sends at 3 over a 5 s belt; line 1 (C) sends at 1 over a 7 s belt: both reach B at 8. C's item
        // was sent (and, in the sequential runner, scheduled) first, but A's has the lower source index.
        var plant = new PlantBuilder()
            .AddLine(Source("A", "belt_a", every: 2, service: 1, keyPrefix: "a-"))
            .AddLine(Source("C", "belt_c", every: 0.5, service: 0.5, keyPrefix: "c-"))
            .AddLine(Receiver("B", "belt_a", "belt_c"))
            .AddLink("belt_a", "A", "B", lookahead: 5)
            .AddLink("belt_c", "C", "B", lookahead: 7)
            .Build();

        var atEight = PlantRuns.Lifecycle(Runner(runner, plant), 1, 8.4, "B").Where(r => r.StartsWith("8 ", StringComparison.Ordinal));

        Assert.Equal(
            ["8 a-0 queued B.service.assembly", "8 c-0 queued B.service.assembly", "8 a-0 started B.service.assembly"],
            atEight);
    }

    [Theory]
    [MemberData(nameof(Runners))]
    public void A_delay_changed_below_the_lookahead_should_fail_the_send_naming_the_link(string runner)
    {
        var source = new LineBuilder("A")
            .AddArrival("a", DistributionConfig.Constant(2))
            .AddService("s", DistributionConfig.Constant(1))
            .AddResource("m", currentCap: 1)
            .AddTask("part", "a", steps => steps.Step("m", "s").SendTo("belt"))
            .AddProcess("shorten", ShortenBelt)
            .Build();
        var plant = new PlantBuilder()
            .AddLine(source)
            .AddLine(Receiver("B", "belt"))
            .AddLink("belt", "A", "B", lookahead: 5)
            .Build();

        var error = Assert.ThrowsAny<Exception>(() => Runner(runner, plant).Run(1, 20, _ => new NullRecordSink()));

        var message = error.InnerException?.Message ?? error.Message;
        Assert.Contains("Link 'belt' from line 'A'", message, StringComparison.Ordinal);
        Assert.Contains("sooner than the link's lookahead of 5 s", message, StringComparison.Ordinal);
        if (runner == "windowed")
        {
            var failed = Assert.IsType<LineFailedException>(error);
            Assert.Equal(("A", 3.0), (failed.SimId, failed.SimulatedTime));
        }

        static IEnumerable<Event> ShortenBelt(Line line)
        {
            line.Registry.Update("A.links.belt.value", 1.0);
            yield break;
        }
    }

    [Fact]
    public void Line_should_publish_shipments_with_its_index_and_sequence_and_register_the_link_delay()
    {
        var plant = new PlantBuilder()
            .AddLine(Receiver("B", "belt"))
            .AddLine(Source("A", "belt", every: 2, service: 1, keyPrefix: "a-"))
            .AddLink("belt", "A", "B", lookahead: 5, DistributionConfig.Uniform(5, 6))
            .Build();
        var simulation = new Simulation();
        var outbox = new CapturingOutbox();

        var line = plant.StartLine(1, simulation, new NullRecordSink(), runSeed: 9, outbox);
        simulation.RunUntil(7.5);

        Assert.Equal(1, line.PlantIndex);
        Assert.Equal(6.0, line.Registry.GetDouble("A.links.belt.max"));
        Assert.Equal([0L, 1, 2], outbox.Sent.Select(s => s.Sequence));
        Assert.All(outbox.Sent, s => Assert.Equal(("belt", 1, 0), (s.Link, s.SourceLine, s.DestinationLine)));
        Assert.Equal([3.0, 5, 7], outbox.Sent.Select(s => s.SentAt));
        Assert.All(outbox.Sent, s => Assert.InRange(s.ArrivalTime, s.SentAt + 5, s.SentAt + 6));
        Assert.Equal(["a-0", "a-1", "a-2"], outbox.Sent.Select(s => s.Item.Key.ToString()));
        Assert.Equal(3, line.ItemsSent);
    }

    [Fact]
    public void Rework_loop_should_mark_items_sent_back_with_the_links_attributes()
    {
        var plant = ReferenceModels.ReworkLoopPlant();
        var simulation = new Simulation();
        var outbox = new CapturingOutbox();
        var inspection = plant.StartLine(plant.IndexOf("Inspection"), simulation, new NullRecordSink(), 5, outbox);
        for (var n = 0; n < 40; n++)
        {
            inspection.Deliver(new ItemShipment("to_inspection", 0, 1, n, 0, 5 + n, new PlantItem(new RecordKey("part-", n))));
        }

        simulation.RunUntil(100);

        Assert.Equal(40, outbox.Sent.Count);
        Assert.Contains(outbox.Sent, s => s.Link == "rework_return");
        Assert.All(outbox.Sent, s => Assert.Equal(s.Link == "rework_return", s.Item.Attributes?.ContainsKey("reworked") == true));
    }

    [Fact]
    public void Deliveries_for_another_line_or_link_should_be_refused()
    {
        var plant = new PlantBuilder()
            .AddLine(Source("A", "belt", every: 2, service: 1, keyPrefix: "a-"))
            .AddLine(Receiver("B", "belt"))
            .AddLink("belt", "A", "B", lookahead: 5)
            .Build();
        var simulation = new Simulation();
        var b = plant.StartLine(1, simulation, new NullRecordSink(), 1, new CapturingOutbox());
        var item = new PlantItem(RecordKey.Of("x"));

        Assert.Throws<ArgumentException>(() => b.Deliver(new ItemShipment("belt", 0, 0, 0, 0, 5, item)));
        Assert.Throws<ArgumentException>(() => b.Deliver(new ItemShipment("other", 0, 1, 0, 0, 5, item)));
    }

    private static IPlantRunner Runner(string name, PlantModel plant) =>
        name == "sequential" ? new SequentialPlantRunner(plant) : new WindowedPlantRunner(plant);

    private static LineModel Source(string simId, string link, double every, double service, string keyPrefix) => new LineBuilder(simId)
        .AddArrival("a", DistributionConfig.Constant(every))
        .AddService("s", DistributionConfig.Constant(service))
        .AddResource("m", currentCap: 1)
        .AddTask("part", "a", steps => steps.Step("m", "s").SendTo(link), keyPrefix)
        .Build();

    private static LineModel Receiver(string simId, params string[] links)
    {
        var builder = new LineBuilder(simId)
            .AddService("assembly", DistributionConfig.Constant(0.5))
            .AddResource("station", currentCap: 1);
        foreach (var link in links)
        {
            builder.AddTaskFromLink($"from_{link}", link, steps => steps.Step("station", "assembly"));
        }

        return builder.Build();
    }
}
