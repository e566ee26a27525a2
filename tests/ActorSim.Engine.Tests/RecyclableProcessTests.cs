namespace ActorSim.Engine.Tests;

public class RecyclableProcessTests
{
    [Fact]
    public void A_recyclable_process_should_come_back_after_a_successful_end_and_run_new_steps_when_restarted()
    {
        var sim = new Simulation();
        var back = new List<Process>();
        var trace = new List<string>();
        var process = sim.StartRecyclable(Steps("a").GetEnumerator(), "first", back.Add);

        sim.Run(10);
        Assert.Same(process, Assert.Single(back));
        Assert.True(process.IsProcessed);
        back.Clear();
        process.Restart(Steps("b").GetEnumerator(), "second");
        Assert.True(process.IsAlive);
        Assert.Equal("second", process.Name);
        sim.Run(20);

        Assert.Equal(["0 a start", "1 a end", "10 b start", "11 b end"], trace);
        Assert.Same(process, Assert.Single(back));

        IEnumerable<Event> Steps(string name)
        {
            trace.Add($"{sim.Now} {name} start");
            yield return sim.Delay(1);
            trace.Add($"{sim.Now} {name} end");
        }
    }

    [Fact]
    public void A_recyclable_process_that_fails_should_fail_the_run_and_not_come_back()
    {
        var sim = new Simulation();
        var back = new List<Process>();
        sim.StartRecyclable(Failing().GetEnumerator(), "failing", back.Add);

        var error = Assert.Throws<SimulationException>(() => sim.Run(10));

        Assert.Contains("broken", error.Message);
        Assert.Empty(back);

        IEnumerable<Event> Failing()
        {
            yield return sim.Delay(1);
            throw new InvalidOperationException("broken");
        }
    }
}
