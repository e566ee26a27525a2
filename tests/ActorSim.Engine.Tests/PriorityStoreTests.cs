using ActorSim.Engine.Resources;
using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class PriorityStoreTests
{
    [Fact]
    public void PriorityStore_should_hand_out_the_lowest_priority_first_and_first_in_among_equals()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var orders = new PriorityStore<PriorityItem<string>>(sim, name: "orders");
        IEnumerable<Event> Picker()
        {
            for (var i = 0; i < 4; i++)
            {
                var get = orders.Get();
                yield return get;
                trace.Add("picker", $"got {get.Item.Item} (priority {get.Item.Priority})");
            }
        }

        IEnumerable<Event> Sales()
        {
            yield return sim.Timeout(1);
            orders.Put(new(3, "low"));
            orders.Put(new(1, "urgent-1"));
            orders.Put(new(2, "mid"));
            orders.Put(new(1, "urgent-2"));
            trace.Add("sales", $"queued [{string.Join(",", orders.Items.Select(o => o.Item))}]");
        }

        sim.Process(Picker());
        sim.Process(Sales());
        sim.Run();

        Assert.Equal(
            [
                "1 sales queued [urgent-1,urgent-2,mid,low]",
                "1 picker got urgent-1 (priority 1)",
                "1 picker got urgent-2 (priority 1)",
                "1 picker got mid (priority 2)",
                "1 picker got low (priority 3)",
            ],
            trace.Lines);
    }

    [Fact]
    public void PriorityStore_should_order_comparable_items_or_use_a_given_comparer()
    {
        var sim = new Simulation();
        var natural = new PriorityStore<int>(sim);
        var reversed = new PriorityStore<int>(sim, comparer: Comparer<int>.Create((a, b) => b.CompareTo(a)));

        foreach (var value in new[] { 5, 1, 4 })
        {
            natural.Put(value);
            reversed.Put(value);
        }

        Assert.Equal([1, 4, 5], natural.Items);
        Assert.Equal([5, 4, 1], reversed.Items);
        Assert.Equal(1, natural.Get().Item);
    }

    [Fact]
    public void PriorityStore_should_refuse_items_it_cannot_order()
    {
        var sim = new Simulation();

        var error = Assert.Throws<ArgumentException>(() => new PriorityStore<object>(sim, name: "parts"));

        Assert.StartsWith("PriorityStore 'parts' cannot order Object items", error.Message, StringComparison.Ordinal);
    }
}
