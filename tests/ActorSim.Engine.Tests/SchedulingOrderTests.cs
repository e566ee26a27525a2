using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class SchedulingOrderTests
{
    [Fact]
    public void Simulation_should_process_events_at_equal_times_in_scheduling_order()
    {
        var sim = new Simulation();
        var order = new List<string>();
        foreach (var name in new[] { "c", "a", "b" })
        {
            sim.Timeout(1).AddCallback(_ => order.Add(name));
        }

        sim.Timeout(0.5).AddCallback(_ => sim.Timeout(0.5).AddCallback(_ => order.Add("late")));

        sim.Run();

        Assert.Equal(["c", "a", "b", "late"], order);
    }

    [Fact]
    public void Simulation_should_process_urgent_events_before_normal_ones_at_the_same_time()
    {
        var sim = new Simulation();
        var order = new List<string>();
        sim.Event().Succeed("normal").AddCallback(e => order.Add($"{e.Value}"));
        sim.Event().Succeed("urgent", EventPriority.Urgent).AddCallback(e => order.Add($"{e.Value}"));
        sim.Event().Succeed("normal again").AddCallback(e => order.Add($"{e.Value}"));

        sim.Run();

        Assert.Equal(["urgent", "normal", "normal again"], order);
    }

    [Fact]
    public void Process_should_start_before_normal_events_scheduled_earlier_at_the_same_time()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        sim.Timeout(0).AddCallback(_ => trace.Add("timeout", "fired"));
        IEnumerable<Event> Starter()
        {
            trace.Add("process", "started");
            yield break;
        }

        sim.Process(Starter());
        sim.Run();

        Assert.Equal(["0 process started", "0 timeout fired"], trace.Lines);
    }

    [Fact]
    public void Process_should_resume_at_once_when_it_yields_an_already_processed_event()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var done = sim.Event().Succeed("early");
        long processedBefore = 0;
        IEnumerable<Event> P()
        {
            yield return sim.Timeout(1);
            trace.Add("p", "before");
            processedBefore = sim.ProcessedEvents;
            yield return done;
            trace.Add("p", $"after, saw {done.Value}");
            Assert.Equal(processedBefore, sim.ProcessedEvents);
        }

        IEnumerable<Event> Q()
        {
            yield return sim.Timeout(1);
            trace.Add("q", "ran");
        }

        sim.Process(P());
        sim.Process(Q());
        sim.Run();

        Assert.Equal(["1 p before", "1 p after, saw early", "1 q ran"], trace.Lines);
    }
}
