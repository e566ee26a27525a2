using ActorSim.Engine.Resources;
using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class DeterminismTests
{
    [Fact]
    public void Simulation_should_give_identical_traces_for_two_runs_of_the_same_model()
    {
        var first = RunFactory(seed: 7);
        var second = RunFactory(seed: 7);

        Assert.Equal(first, second);
        Assert.Equal(3 * 40, first.Count);
    }

    /// <summary>Forty parts arrive at random, queue for two machines by random priority, and go to a buffer.</summary>
    private static List<string> RunFactory(int seed)
    {
        var random = new Random(seed);
        var sim = new Simulation();
        var trace = new Trace(sim);
        var machines = new PriorityResource(sim, 2, "machines");
        var buffer = new Store<int>(sim, 5, "buffer");
        IEnumerable<Event> Part(int id, int priority, double work)
        {
            using (var request = machines.Request(priority))
            {
                yield return request;
                trace.Add($"part{id}", "machining");
                yield return sim.Timeout(work);
            }

            yield return buffer.Put(id);
            trace.Add($"part{id}", "buffered");
        }

        IEnumerable<Event> Arrivals()
        {
            for (var id = 0; id < 40; id++)
            {
                sim.Process(Part(id, random.Next(3), Math.Round(random.NextDouble() * 4, 3)));
                yield return sim.Timeout(Math.Round(random.NextDouble(), 3));
            }
        }

        IEnumerable<Event> Shipping()
        {
            while (true)
            {
                yield return sim.Timeout(1.5);
                var get = buffer.Get();
                yield return get;
                trace.Add("shipping", $"ships part{get.Item}");
            }
        }

        sim.Process(Arrivals());
        sim.Process(Shipping());
        sim.Run(200);
        return [.. trace.Lines];
    }
}
