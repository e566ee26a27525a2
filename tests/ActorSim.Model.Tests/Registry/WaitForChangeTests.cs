using ActorSim.Engine;
using ActorSim.Model.Tests.Support;

namespace ActorSim.Model.Tests.Registry;

public class WaitForChangeTests
{
    private const string Path = "Line_A.resources.lathe.current_cap";

    [Fact]
    public void A_waiting_process_should_wake_at_the_time_of_the_change()
    {
        var sim = new Simulation();
        var registry = Lines.Registry(sim);
        var wakes = new List<(double Time, object Value)>();
        sim.Process(Watch());
        sim.Process(Change(5, 6));

        sim.Run();

        Assert.Equal([(5.0, (object)6L)], wakes);

        IEnumerable<Event> Watch()
        {
            yield return registry.WaitForChange(Path);
            wakes.Add((sim.Now, registry.Get(Path)));
        }

        IEnumerable<Event> Change(double at, int value)
        {
            yield return sim.Timeout(at);
            registry.Update(Path, value);
        }
    }

    [Fact]
    public void A_change_while_nobody_waits_should_not_be_lost()
    {
        var sim = new Simulation();
        var registry = Lines.Registry(sim);
        var wakes = new List<double>();
        sim.Process(Changes());
        sim.Process(LateWatcher());

        sim.Run();

        Assert.Equal([3.0], wakes);

        IEnumerable<Event> Changes()
        {
            yield return sim.Timeout(1);
            registry.Update(Path, 5);
        }

        IEnumerable<Event> LateWatcher()
        {
            yield return sim.Timeout(3);
            yield return registry.WaitForChange(Path);
            wakes.Add(sim.Now);
        }
    }

    [Fact]
    public void Several_changes_before_the_waiter_runs_should_coalesce_into_one_wake_up()
    {
        var sim = new Simulation();
        var registry = Lines.Registry(sim);
        var wakes = new List<(double Time, object Value)>();
        sim.Process(Burst());
        sim.Process(Watch());

        sim.Run(100);

        Assert.Equal([(2.0, (object)7L)], wakes);

        IEnumerable<Event> Burst()
        {
            yield return sim.Timeout(2);
            registry.Update(Path, 5);
            registry.Update(Path, 6);
            registry.Update(Path, 7);
        }

        IEnumerable<Event> Watch()
        {
            while (true)
            {
                yield return registry.WaitForChange(Path);
                wakes.Add((sim.Now, registry.Get(Path)));
            }
        }
    }

    [Fact]
    public void Every_process_waiting_should_be_woken_by_one_change()
    {
        var sim = new Simulation();
        var registry = Lines.Registry(sim);
        var woken = new List<string>();
        sim.Process(Watch("a"));
        sim.Process(Watch("b"));
        sim.Process(Change());

        sim.Run();

        Assert.Equal(["a@4", "b@4"], woken);

        IEnumerable<Event> Watch(string name)
        {
            yield return registry.WaitForChange(Path);
            woken.Add($"{name}@{sim.Now}");
        }

        IEnumerable<Event> Change()
        {
            yield return sim.Timeout(4);
            registry.Update(Path, 2);
        }
    }

    [Fact]
    public void An_update_to_an_equal_value_should_not_wake_anyone()
    {
        var sim = new Simulation();
        var registry = Lines.Registry(sim);
        var woken = false;
        sim.Process(Watch());
        sim.Process(Change());

        sim.Run();

        Assert.False(woken);

        IEnumerable<Event> Watch()
        {
            yield return registry.WaitForChange(Path);
            woken = true;
        }

        IEnumerable<Event> Change()
        {
            yield return sim.Timeout(1);
            registry.Update(Path, 4);
        }
    }
}
