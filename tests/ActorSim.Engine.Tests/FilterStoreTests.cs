using ActorSim.Engine.Resources;
using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class FilterStoreTests
{
    [Fact]
    public void FilterStore_should_give_each_get_the_first_item_its_filter_accepts_without_holding_up_later_gets()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var fruit = new FilterStore<string>(sim, name: "fruit");
        IEnumerable<Event> Getter(string name, Func<string, bool>? filter)
        {
            var get = filter is null ? fruit.Get() : fruit.Get(filter);
            yield return get;
            trace.Add(name, $"got {get.Item}");
        }

        IEnumerable<Event> Grower()
        {
            yield return sim.Timeout(1);
            fruit.Put("apple");
            fruit.Put("avocado");
            trace.Add("grower", "put apple, avocado");
            yield return sim.Timeout(1);
            fruit.Put("banana");
            trace.Add("grower", "put banana");
        }

        sim.Process(Getter("wants-b", f => f.StartsWith('b')));
        sim.Process(Getter("any", null));
        sim.Process(Grower());
        sim.Run();

        Assert.Equal(
            ["1 grower put apple, avocado", "1 any got apple", "2 grower put banana", "2 wants-b got banana"],
            trace.Lines);
        Assert.Equal(["avocado"], fruit.Items);
    }

    [Fact]
    public void FilterStore_should_take_a_matching_item_from_the_middle_at_once()
    {
        var sim = new Simulation();
        var bin = new FilterStore<int>(sim, name: "bin");
        bin.Put(1);
        bin.Put(2);
        bin.Put(3);

        var even = bin.Get(n => n % 2 == 0);
        sim.Run();

        Assert.Equal(2, even.Item);
        Assert.Equal([1, 3], bin.Items);
    }
}
