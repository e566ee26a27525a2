using ActorSim.Engine.Resources;
using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class ContainerTests
{
    [Fact]
    public void Container_should_block_gets_until_the_level_suffices()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var tank = new Container(sim, capacity: 10, name: "tank");
        IEnumerable<Event> Consumer()
        {
            trace.Add("consumer", "wants 6");
            yield return tank.Get(6);
            trace.Add("consumer", $"got 6, level {tank.Level}");
        }

        IEnumerable<Event> Producer()
        {
            for (var i = 0; i < 2; i++)
            {
                yield return sim.Timeout(2);
                yield return tank.Put(4);
                trace.Add("producer", $"put 4, level {tank.Level}");
            }
        }

        sim.Process(Consumer());
        sim.Process(Producer());
        sim.Run();

        Assert.Equal(
            ["0 consumer wants 6", "2 producer put 4, level 4", "4 producer put 4, level 2", "4 consumer got 6, level 2"],
            trace.Lines);
    }

    [Fact]
    public void Container_should_block_puts_in_order_even_a_later_put_that_would_fit()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var tank = new Container(sim, capacity: 10, initialLevel: 5, name: "tank");
        IEnumerable<Event> Filler(string name, double amount)
        {
            var put = tank.Put(amount);
            trace.Add(name, $"offers {amount}, waiting puts {tank.PutQueue.Count}");
            yield return put;
            trace.Add(name, $"put {amount}, level {tank.Level}");
        }

        IEnumerable<Event> Drainer()
        {
            yield return sim.Timeout(1);
            yield return tank.Get(3);
            trace.Add("drainer", $"got 3, level {tank.Level}");
        }

        sim.Process(Filler("big", 7));
        sim.Process(Filler("small", 1));
        sim.Process(Drainer());
        sim.Run();

        Assert.Equal(
            [
                "0 big offers 7, waiting puts 1",
                "0 small offers 1, waiting puts 2",
                "1 drainer got 3, level 10",
                "1 big put 7, level 10",
                "1 small put 1, level 10",
            ],
            trace.Lines);
    }

    [Fact]
    public void Container_should_withdraw_a_waiting_put_when_it_is_disposed()
    {
        var sim = new Simulation();
        var tank = new Container(sim, capacity: 2, initialLevel: 2, name: "tank");
        var put = tank.Put(1);

        put.Dispose();
        tank.Get(2);
        sim.Run();

        Assert.Empty(tank.PutQueue);
        Assert.False(put.IsTriggered);
        Assert.Equal(0, tank.Level);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Container_should_refuse_an_amount_that_is_not_positive_naming_the_container(double amount)
    {
        var sim = new Simulation();
        var tank = new Container(sim, name: "tank");

        var putError = Assert.Throws<ArgumentOutOfRangeException>(() => tank.Put(amount));
        var getError = Assert.Throws<ArgumentOutOfRangeException>(() => tank.Get(amount));

        Assert.StartsWith($"Container 'tank' can only put or get a positive, finite amount; {amount} was given.", putError.Message, StringComparison.Ordinal);
        Assert.Equal("amount", getError.ParamName);
        Assert.Empty(tank.PutQueue);
        Assert.Empty(tank.GetQueue);
    }

    [Fact]
    public void Container_should_refuse_a_bad_capacity_or_initial_level()
    {
        var sim = new Simulation();

        var capacity = Assert.Throws<ArgumentOutOfRangeException>(() => new Container(sim, 0, name: "silo"));
        var level = Assert.Throws<ArgumentOutOfRangeException>(() => new Container(sim, 5, 6, "silo"));

        Assert.StartsWith("Container 'silo' needs a capacity greater than 0; 0 was given.", capacity.Message, StringComparison.Ordinal);
        Assert.StartsWith("Container 'silo' needs an initial level between 0 and its capacity 5; 6 was given.", level.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Container_should_keep_its_contents_when_capacity_shrinks_and_block_puts_until_enough_is_taken()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var tank = new ResizableContainer(sim, capacity: 10, initialLevel: 8);
        IEnumerable<Event> Operator()
        {
            tank.Resize(5);
            trace.Add("operator", $"shrank to 5, level {tank.Level}");
            yield return sim.Timeout(1);
            yield return tank.Get(4);
            trace.Add("operator", $"took 4, level {tank.Level}");
            yield return sim.Timeout(1);
            tank.Resize(7);
            trace.Add("operator", $"grew to 7, level {tank.Level}");
        }

        IEnumerable<Event> Filler(double amount)
        {
            yield return tank.Put(amount);
            trace.Add("filler", $"put {amount}, level {tank.Level}");
        }

        sim.Process(Operator());
        sim.Process(Filler(1));
        sim.Process(Filler(2));
        sim.Run();

        Assert.Equal(
            [
                "0 operator shrank to 5, level 8",
                "1 operator took 4, level 5",
                "1 filler put 1, level 5",
                "2 operator grew to 7, level 7",
                "2 filler put 2, level 7",
            ],
            trace.Lines);
    }

    private sealed class ResizableContainer(Simulation simulation, double capacity, double initialLevel)
        : Container(simulation, capacity, initialLevel, "resizable")
    {
        public void Resize(double capacity) => SetCapacity(capacity);
    }
}
