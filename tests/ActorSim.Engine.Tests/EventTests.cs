using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class EventTests
{
    [Fact]
    public void Event_should_hand_its_success_value_to_the_waiting_process()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var signal = sim.Event();
        IEnumerable<Event> Waiter()
        {
            yield return signal;
            trace.Add("waiter", $"got {signal.Value}");
        }

        IEnumerable<Event> Trigger()
        {
            yield return sim.Timeout(3);
            signal.Succeed("ok");
            trace.Add("trigger", "succeeded");
        }

        sim.Process(Waiter());
        sim.Process(Trigger());
        sim.Run();

        Assert.Equal(["3 trigger succeeded", "3 waiter got ok"], trace.Lines);
        Assert.True(signal.IsOk);
    }

    [Fact]
    public void Event_should_hand_its_failure_to_the_waiting_process_as_Fault()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var signal = sim.Event();
        IEnumerable<Event> Waiter()
        {
            yield return signal;
            var self = sim.Self();
            trace.Add("waiter", $"fault {self.Fault?.Message}");
            self.HandleFault();
        }

        IEnumerable<Event> Trigger()
        {
            yield return sim.Timeout(2);
            signal.Fail(new InvalidOperationException("jammed"));
        }

        sim.Process(Waiter());
        sim.Process(Trigger());
        sim.Run();

        Assert.Equal(["2 waiter fault jammed"], trace.Lines);
        Assert.False(signal.IsOk);
        Assert.True(signal.Defused);
        Assert.Throws<InvalidOperationException>(() => signal.Value);
    }

    [Fact]
    public void Event_should_run_callbacks_in_the_order_they_were_added()
    {
        var sim = new Simulation();
        var order = new List<string>();
        var ev = sim.Event();
        ev.AddCallback(_ => order.Add("first"));
        Action<Event> removed = _ => order.Add("removed");
        ev.AddCallback(removed);
        ev.AddCallback(e => order.Add($"third saw {e.Value}"));
        ev.AddCallback(_ => order.Add("fourth"));

        var wasThere = ev.RemoveCallback(removed);
        ev.Succeed(5);
        sim.Run();

        Assert.True(wasThere);
        Assert.Equal(["first", "third saw 5", "fourth"], order);
        Assert.True(ev.IsProcessed);
    }

    [Fact]
    public void Event_should_fail_the_run_with_its_name_and_time_when_nobody_handles_its_failure()
    {
        var sim = new Simulation();
        var lost = sim.Event();
        IEnumerable<Event> Breaker()
        {
            yield return sim.Timeout(2);
            lost.Fail(new InvalidOperationException("boom"));
        }

        sim.Process(Breaker());

        var error = Assert.Throws<SimulationException>(() => sim.Run());
        Assert.Equal("Event failed at t=2.000s and nothing handled it: boom", error.Message);
        Assert.Equal(2, error.SimulatedTime);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public void Event_should_not_fail_the_run_when_its_failure_is_defused()
    {
        var sim = new Simulation();
        var ev = sim.Event();
        ev.Fail(new InvalidOperationException("ignored"));
        ev.Defused = true;

        sim.Run();

        Assert.True(ev.IsProcessed);
        Assert.False(ev.IsOk);
        Assert.Equal("ignored", ev.Exception?.Message);
    }

    [Fact]
    public void Event_should_refuse_a_second_trigger_and_have_no_value_while_pending()
    {
        var sim = new Simulation();
        var ev = sim.Event();

        var pendingValue = Assert.Throws<InvalidOperationException>(() => ev.Value);
        var pendingOutcome = Assert.Throws<InvalidOperationException>(() => ev.IsOk);
        ev.Succeed(1);
        var second = Assert.Throws<InvalidOperationException>(() => ev.Fail(new InvalidOperationException("late")));

        Assert.Equal("Event is not triggered yet, so it has no value.", pendingValue.Message);
        Assert.Equal("Event is not triggered yet, so it has no outcome.", pendingOutcome.Message);
        Assert.Equal("Event has already been triggered.", second.Message);
        Assert.Equal(1, ev.Value);
    }
}
