using ActorSim.Engine.Resources;
using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class RunTests
{
    [Fact]
    public void Run_until_a_time_should_leave_events_at_the_horizon_unprocessed_and_stop_the_clock_there()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        sim.Timeout(4.5).AddCallback(_ => trace.Add("timeout", "4.5"));
        sim.Timeout(5).AddCallback(_ => trace.Add("timeout", "5"));

        sim.Run(5);
        var linesAtHorizon = trace.Lines.ToList();
        var nowAtHorizon = sim.Now;
        sim.Run();

        Assert.Equal(["4.5 timeout 4.5"], linesAtHorizon);
        Assert.Equal(5, nowAtHorizon);
        Assert.Equal(["4.5 timeout 4.5", "5 timeout 5"], trace.Lines);
    }

    [Fact]
    public void RunUntil_should_give_the_same_trace_in_windows_as_in_one_run()
    {
        var whole = RunShop(sim => sim.Run());
        var windowed = RunShop(sim =>
        {
            for (var horizon = 0.5; horizon <= 12; horizon += 0.5)
            {
                sim.RunUntil(horizon);
                Assert.Equal(horizon, sim.Now);
            }

            sim.Run();
        });

        Assert.Equal(whole, windowed);
        Assert.Equal(11, whole.Count);
    }

    [Fact]
    public void Run_until_an_event_should_return_its_value_and_stop_at_its_time()
    {
        var sim = new Simulation();
        IEnumerable<Event> Answer()
        {
            yield return sim.Timeout(3);
            yield return sim.Exit(42);
        }

        sim.Timeout(10);
        var value = sim.Run(sim.Process(Answer()));

        Assert.Equal(42, value);
        Assert.Equal(3, sim.Now);
        Assert.Equal(10, sim.Peek());
    }

    [Fact]
    public void Run_until_an_event_should_throw_when_the_event_fails()
    {
        var sim = new Simulation();
        var doomed = sim.Event();
        sim.Timeout(2).AddCallback(_ => doomed.Fail(new InvalidOperationException("no parts")));

        var error = Assert.Throws<SimulationException>(() => sim.Run(doomed));

        Assert.Equal("Event failed at t=2.000s and nothing handled it: no parts", error.Message);
    }

    [Fact]
    public void Run_should_refuse_a_time_not_after_now()
    {
        var sim = new Simulation(initialTime: 3);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sim.Run(3));

        Assert.StartsWith("Run(until) needs a time after the current time 3; 3 was given.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Peek_should_give_the_next_event_time_or_infinity_and_Step_should_refuse_an_empty_queue()
    {
        var sim = new Simulation();
        sim.Timeout(7);
        sim.Timeout(2);

        var first = sim.Peek();
        sim.Step();
        var second = sim.Peek();
        sim.Step();
        var error = Assert.Throws<InvalidOperationException>(sim.Step);

        Assert.Equal((2.0, 7.0, double.PositiveInfinity), (first, second, sim.Peek()));
        Assert.Equal(7, sim.Now);
        Assert.Equal("No events are scheduled; the simulation has nothing left to step.", error.Message);
    }

    /// <summary>Five customers arrive a second apart and share one server for 2 s each.</summary>
    private static List<string> RunShop(Action<Simulation> run)
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var server = new Resource(sim, 1, "server");
        IEnumerable<Event> Customer(int id)
        {
            using var request = server.Request();
            yield return request;
            trace.Add($"c{id}", "served");
            yield return sim.Timeout(2);
            trace.Add($"c{id}", "leaves");
        }

        IEnumerable<Event> Arrivals()
        {
            for (var id = 0; id < 5; id++)
            {
                sim.Process(Customer(id));
                yield return sim.Timeout(1);
            }

            trace.Add("arrivals", "done");
        }

        sim.Process(Arrivals());
        run(sim);
        return [.. trace.Lines];
    }
}
