using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;
using ActorSim.Model.Tests.Support;

namespace ActorSim.Model.Tests.Plants;

public class DeliveryOrderTests
{
    [Fact]
    public void Items_delivered_in_arrival_order_should_wait_outside_the_event_heap_until_the_one_before_arrives()
    {
        var (simulation, line, _) = StartReceiver();
        var before = simulation.ScheduledEvents;

        for (var n = 0; n < 100; n++)
        {
            line.Deliver(Shipment(source: 0, sequence: n, arrival: 1 + n));
        }

        // A grant hands a line a whole window of items: only the earliest sits in the heap.
        Assert.Equal(before + 1, simulation.ScheduledEvents);
        simulation.RunUntil(50.5);
        Assert.InRange(simulation.ScheduledEvents, before + 1, before + 3);
    }

    [Fact]
    public void Tasks_should_start_in_arrival_source_sequence_order_whatever_order_the_items_were_delivered_in()
    {
        // Equal arrival times from two sources, a batch in order, then stragglers that come late and out of order.
        ItemShipment[] items =
        [
            Shipment(0, 0, 2), Shipment(1, 0, 2), Shipment(0, 1, 3), Shipment(1, 1, 3), Shipment(0, 2, 3), Shipment(1, 2, 7),
            Shipment(0, 3, 4), Shipment(1, 3, 2.5), Shipment(0, 4, 2), Shipment(1, 4, 9), Shipment(0, 5, 9),
        ];

        var inOrder = items.OrderBy(s => s.ArrivalTime).ThenBy(s => s.SourceLine).ThenBy(s => s.Sequence).ToArray();
        var reference = Queued(inOrder);

        Assert.Equal(
            ["b0-0", "b0-4", "b1-0", "b1-3", "b0-1", "b0-2", "b1-1", "b0-3", "b1-2", "b0-5", "b1-4"],
            reference);
        Assert.Equal(reference, Queued(items));
        Assert.Equal(reference, Queued(items.Reverse().ToArray()));
        Assert.Equal(reference, Queued([.. inOrder.Skip(5), .. inOrder.Take(5)]));
    }

    [Fact]
    public void Deliveries_split_over_several_grants_should_give_the_records_of_one_delivery_each()
    {
        var items = Enumerable.Range(0, 60).Select(n => Shipment(n % 3, n / 3, 1 + (n * 7 % 30))).ToArray();

        var atOnce = Records(line =>
        {
            foreach (var item in items.OrderBy(s => s.ArrivalTime).ThenBy(s => s.SourceLine).ThenBy(s => s.Sequence))
            {
                line.Deliver(item);
            }
        });
        var inGrants = Records(line =>
        {
            foreach (var grant in items.Chunk(7))
            {
                foreach (var item in grant.OrderBy(s => s.ArrivalTime).ThenBy(s => s.SourceLine).ThenBy(s => s.Sequence))
                {
                    line.Deliver(item);
                }
            }
        });

        Assert.Equal(atOnce, inGrants);
        Assert.Equal(60 * 3, atOnce.Count);
    }

    [Theory]
    [InlineData(4.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    public void An_item_arriving_in_the_line_past_or_never_should_be_refused_naming_it_even_behind_waiting_items(double arrival)
    {
        var (simulation, line, _) = StartReceiver();
        line.Deliver(Shipment(source: 0, sequence: 0, arrival: 6));
        simulation.RunUntil(5);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => line.Deliver(Shipment(source: 0, sequence: 1, arrival: arrival)));

        Assert.Contains("Item b0-1 over link 'belt'", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 'B' is at t=5", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Queued(IEnumerable<ItemShipment> deliveries) =>
        Records(line =>
        {
            foreach (var shipment in deliveries)
            {
                line.Deliver(shipment);
            }
        }).Where(r => r.EndsWith(" queued", StringComparison.Ordinal)).Select(r => r.Split(' ')[2]).ToList();

    private static List<string> Records(Action<Line> deliver)
    {
        var (simulation, line, sink) = StartReceiver();
        deliver(line);
        simulation.RunUntil(100);
        return sink.Records.Select(r => r.ToString()).ToList();
    }

    private static (Simulation Simulation, Line Line, InMemoryRecordSink Sink) StartReceiver()
    {
        var plant = new PlantBuilder()
            .AddLine(new LineBuilder("A").AddArrival("a", DistributionConfig.Constant(1000)).AddService("s", DistributionConfig.Constant(1))
                .AddResource("m", currentCap: 1).AddTask("part", "a", steps => steps.Step("m", "s").SendTo("belt")).Build())
            .AddLine(new LineBuilder("B").AddService("assembly", DistributionConfig.Constant(0.5)).AddResource("station", currentCap: 1)
                .AddTaskFromLink("work", "belt", steps => steps.Step("station", "assembly")).Build())
            .AddLink("belt", "A", "B", lookahead: 1)
            .Build();
        var simulation = new Simulation();
        var sink = new InMemoryRecordSink();
        var line = plant.StartLine(1, simulation, sink, runSeed: 3, new CapturingOutbox());
        return (simulation, line, sink);
    }

    private static ItemShipment Shipment(int source, long sequence, double arrival) =>
        new("belt", source, 1, sequence, 0, arrival, new PlantItem(new RecordKey($"b{source}-", sequence)));
}
