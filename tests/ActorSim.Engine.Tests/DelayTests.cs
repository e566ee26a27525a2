using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

/// <summary><see cref="Simulation.Delay"/>: a pooled timeout for a process to yield at once; same schedule, no allocation.</summary>
public class DelayTests
{
    [Fact]
    public void Delays_should_wake_processes_in_the_order_and_at_the_times_timeouts_do()
    {
        static IReadOnlyList<string> Run(bool pooled)
        {
            var sim = new Simulation();
            var trace = new Trace(sim);
            IEnumerable<Event> P(string name, double[] delays)
            {
                foreach (var delay in delays)
                {
                    yield return pooled ? sim.Delay(delay) : sim.Timeout(delay);
                    trace.Add(name, $"after {delay}");
                }
            }

            // Equal times on purpose: the order among them is the scheduling order, for both kinds.
            sim.Process(P("a", [1, 0, 2, 2]));
            sim.Process(P("b", [1, 1, 0, 3]));
            sim.Process(P("c", [0, 2, 1, 1]));
            sim.Run();
            return trace.Lines;
        }

        var timeouts = Run(pooled: false);

        Assert.Equal(12, timeouts.Count);
        Assert.Equal(timeouts, Run(pooled: true));
    }

    [Fact]
    public void Delay_should_be_reused_once_processed()
    {
        // The next delay is taken while the last one's callbacks run, before it is recycled: two instances alternate.
        var sim = new Simulation();
        var seen = new List<Event>();
        IEnumerable<Event> P()
        {
            for (var i = 0; i < 4; i++)
            {
                var delay = sim.Delay(1);
                seen.Add(delay);
                yield return delay;
            }
        }

        sim.Process(P());
        sim.Run();

        Assert.Equal(4, sim.Now);
        Assert.Equal(2, seen.Distinct().Count());
        Assert.Same(seen[0], seen[2]);
        Assert.Same(seen[1], seen[3]);
    }

    [Fact]
    public void Process_looping_on_delays_should_not_allocate_per_iteration()
    {
        var sim = new Simulation();
        IEnumerable<Event> Loop()
        {
            while (true)
            {
                yield return sim.Delay(1);
            }
        }

        sim.Process(Loop());
        sim.RunUntil(1_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        sim.RunUntil(101_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(101_000, sim.Now);
        Assert.True(allocated < 1_000, $"{allocated} bytes for 100,000 delays");
    }

    [Fact]
    public void Interrupted_wait_on_a_delay_should_neither_resume_the_process_nor_spoil_later_delays()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        IEnumerable<Event> Sleeper()
        {
            yield return sim.Delay(10);
            var self = sim.Self();
            trace.Add("sleeper", $"interrupted by {(self.Fault as ProcessInterruptedException)?.Cause}");
            self.HandleFault();
            for (var i = 0; i < 3; i++)
            {
                yield return sim.Delay(4);
                trace.Add("sleeper", "woke");
            }
        }

        var sleeper = sim.Process(Sleeper());
        IEnumerable<Event> Alarm()
        {
            yield return sim.Delay(3);
            sleeper.Interrupt("alarm");
        }

        sim.Process(Alarm());
        sim.Run();

        // The first delay still fires at 10 (and is recycled then) without waking the sleeper a second time.
        Assert.Equal(["3 sleeper interrupted by alarm", "7 sleeper woke", "11 sleeper woke", "15 sleeper woke"], trace.Lines);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Delay_should_refuse_a_negative_or_missing_delay(double delay)
    {
        var sim = new Simulation();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sim.Delay(delay));

        Assert.Equal("delay", error.ParamName);
        Assert.Equal(0, sim.ScheduledEvents);
    }
}
