using ActorSim.Engine.Resources;
using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class StoreTests
{
    [Fact]
    public void Store_should_hand_out_items_first_in_first_out_and_block_puts_while_full()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var shelf = new Store<string>(sim, capacity: 2, name: "shelf");
        IEnumerable<Event> Producer()
        {
            foreach (var item in new[] { "a", "b", "c" })
            {
                yield return shelf.Put(item);
                trace.Add("producer", $"put {item}");
            }
        }

        IEnumerable<Event> Consumer()
        {
            yield return sim.Timeout(5);
            while (true)
            {
                var get = shelf.Get();
                yield return get;
                trace.Add("consumer", $"got {get.Item}, shelf [{string.Join(",", shelf.Items)}]");
            }
        }

        sim.Process(Producer());
        sim.Process(Consumer());
        sim.Run();

        Assert.Equal(
            [
                "0 producer put a",
                "0 producer put b",
                "5 consumer got a, shelf [b,c]",
                "5 producer put c",
                "5 consumer got b, shelf [c]",
                "5 consumer got c, shelf []",
            ],
            trace.Lines);
        Assert.Single(shelf.GetQueue);
    }

    [Fact]
    public void Store_should_block_a_get_until_an_item_arrives_and_expose_it_as_Item_and_Value()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var inbox = new Store<int>(sim, name: "inbox");
        IEnumerable<Event> Reader()
        {
            var get = inbox.Get();
            trace.Add("reader", "waits");
            yield return get;
            trace.Add("reader", $"got item {get.Item}, value {get.Value}");
        }

        IEnumerable<Event> Writer()
        {
            yield return sim.Timeout(3);
            yield return inbox.Put(7);
            trace.Add("writer", "put 7");
        }

        sim.Process(Reader());
        sim.Process(Writer());
        sim.Run();

        Assert.Equal(["0 reader waits", "3 writer put 7", "3 reader got item 7, value 7"], trace.Lines);
        Assert.Empty(inbox.Items);
    }

    [Fact]
    public void Store_should_withdraw_a_waiting_get_when_it_is_disposed()
    {
        var sim = new Simulation();
        var inbox = new Store<string>(sim, name: "inbox");
        var withdrawn = inbox.Get();
        var kept = inbox.Get();

        withdrawn.Dispose();
        inbox.Put("only");
        sim.Run();

        Assert.False(withdrawn.IsTriggered);
        Assert.Equal("only", kept.Item);
        Assert.Empty(inbox.GetQueue);
        Assert.Throws<InvalidOperationException>(() => withdrawn.Item);
    }

    [Fact]
    public void Store_should_refuse_a_capacity_below_one()
    {
        var sim = new Simulation();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Store<string>(sim, 0, "bin"));

        Assert.StartsWith("Store 'bin' needs a capacity of at least 1; 0 was given.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Store_should_let_every_waiting_put_in_at_once_when_capacity_grows()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var bin = new ResizableStore(sim, capacity: 1);
        IEnumerable<Event> Producer(string item)
        {
            yield return bin.Put(item);
            trace.Add("producer", $"put {item}");
        }

        IEnumerable<Event> Operator()
        {
            yield return sim.Timeout(1);
            bin.Resize(3);
            trace.Add("operator", $"grew to 3, items [{string.Join(",", bin.Items)}]");
        }

        sim.Process(Producer("a"));
        sim.Process(Producer("b"));
        sim.Process(Producer("c"));
        sim.Process(Operator());
        sim.Run();

        Assert.Equal(
            ["0 producer put a", "1 operator grew to 3, items [a,b,c]", "1 producer put b", "1 producer put c"],
            trace.Lines);
    }

    private sealed class ResizableStore(Simulation simulation, int capacity)
        : Store<string>(simulation, capacity, "resizable")
    {
        public void Resize(int capacity) => SetCapacity(capacity);
    }
}
