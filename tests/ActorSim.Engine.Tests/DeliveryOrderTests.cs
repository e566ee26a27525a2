using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class DeliveryOrderTests
{
    [Fact]
    public void Deliveries_should_run_in_source_and_sequence_order_whatever_order_they_were_scheduled_in()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        (int Source, long Sequence)[] inserted = [(2, 0), (1, 7), (1, 3), (0, 9), (2, 1), (0, 2)];
        foreach (var (source, sequence) in inserted)
        {
            var ev = sim.Event();
            ev.AddCallback(e => trace.Add("delivery", $"{e.Value}"));
            sim.ScheduleDelivery(ev, 4, source, sequence, $"{source}/{sequence}");
        }

        sim.Run();

        Assert.Equal(["4 delivery 0/2", "4 delivery 0/9", "4 delivery 1/3", "4 delivery 1/7", "4 delivery 2/0", "4 delivery 2/1"], trace.Lines);
    }

    [Fact]
    public void Deliveries_should_run_after_urgent_and_before_normal_events_of_their_time()
    {
        // At t=2: a timeout scheduled at 0 (normal) and deliveries from sources 1 and 0, inserted in that order.
        // Source 0 runs first and triggers an urgent and a normal event: the urgent one jumps ahead of source 1's
        // delivery, the normal one waits behind the older timeout.
        var sim = new Simulation();
        var trace = new Trace(sim);
        sim.Timeout(2).AddCallback(_ => trace.Add("timeout", "normal"));
        var fromOne = sim.Event();
        fromOne.AddCallback(_ => trace.Add("delivery", "source 1"));
        sim.ScheduleDelivery(fromOne, 2, sourceIndex: 1, sequence: 0);
        var fromZero = sim.Event();
        fromZero.AddCallback(_ =>
        {
            trace.Add("delivery", "source 0");
            sim.Event().Succeed(null, EventPriority.Normal).AddCallback(_ => trace.Add("event", "normal, later"));
            sim.Event().Succeed(null, EventPriority.Urgent).AddCallback(_ => trace.Add("event", "urgent"));
        });
        sim.ScheduleDelivery(fromZero, 2, sourceIndex: 0, sequence: 5);

        sim.Run();

        Assert.Equal(
            ["2 delivery source 0", "2 event urgent", "2 delivery source 1", "2 timeout normal", "2 event normal, later"],
            trace.Lines);
    }

    [Fact]
    public void A_delivery_should_succeed_its_event_with_the_value_at_the_absolute_time()
    {
        var sim = new Simulation();
        sim.RunUntil(3);
        var ev = sim.Event();

        sim.ScheduleDelivery(ev, 10.5, 0, 0, "part");

        Assert.True(ev.IsTriggered);
        Assert.Equal(10.5, sim.Peek());
        Assert.Equal("part", sim.Run(ev));
        Assert.Equal(10.5, sim.Now);
    }

    [Fact]
    public void A_delivery_at_the_current_time_should_run_even_after_RunUntil_stopped_there()
    {
        var sim = new Simulation();
        sim.RunUntil(5);
        var ran = false;
        var ev = sim.Event();
        ev.AddCallback(_ => ran = true);

        sim.ScheduleDelivery(ev, 5, 0, 0);
        sim.RunUntil(5.1);

        Assert.True(ran);
    }

    [Fact]
    public void A_delivery_in_the_past_should_be_refused_naming_both_times()
    {
        var sim = new Simulation();
        sim.RunUntil(5);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleDelivery(sim.Event(), 4.5, 0, 0));

        Assert.Contains("4.5", error.Message, StringComparison.Ordinal);
        Assert.Contains("5", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, sim.ScheduledEvents);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(65536, 0)]
    [InlineData(0, -1)]
    [InlineData(0, 1L << 40)]
    public void A_delivery_key_out_of_range_should_be_refused(int source, long sequence)
    {
        var sim = new Simulation();

        Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleDelivery(sim.Event(), 1, source, sequence));
    }

    [Fact]
    public void A_triggered_event_or_one_of_another_simulation_should_not_be_delivered()
    {
        var sim = new Simulation();
        var other = new Simulation();

        Assert.Throws<InvalidOperationException>(() => sim.ScheduleDelivery(sim.Event().Succeed(), 1, 0, 0));
        Assert.Throws<ArgumentException>(() => sim.ScheduleDelivery(other.Event(), 1, 0, 0));
    }

    [Fact]
    public void Deliveries_should_keep_the_largest_keys_apart()
    {
        var sim = new Simulation();
        var order = new List<object?>();
        foreach (var (source, sequence) in new[] { (65535, (1L << 40) - 1), (65535, 0L), (0, (1L << 40) - 1), (0, 0L) })
        {
            var ev = sim.Event();
            ev.AddCallback(e => order.Add(e.Value));
            sim.ScheduleDelivery(ev, 1, source, sequence, $"{source}/{sequence}");
        }

        sim.Timeout(1).AddCallback(_ => order.Add("normal"));
        sim.Run();

        Assert.Equal(["0/0", $"0/{(1L << 40) - 1}", "65535/0", $"65535/{(1L << 40) - 1}", "normal"], order);
    }

    [Fact]
    public void Scheduling_and_processing_deliveries_should_allocate_nothing_once_the_heap_has_grown()
    {
        var sim = new Simulation();
        Deliver(sim, Events(sim, 1000));
        sim.Run();
        var events = Events(sim, 1000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Deliver(sim, events);
        sim.Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(2000, sim.ProcessedEvents);
    }

    private static Event[] Events(Simulation sim, int count) => Enumerable.Range(0, count).Select(_ => sim.Event()).ToArray();

    private static void Deliver(Simulation sim, Event[] events)
    {
        for (var i = events.Length - 1; i >= 0; i--)
        {
            sim.ScheduleDelivery(events[i], sim.Now + 1 + i % 7, i % 5, i);
        }
    }
}
