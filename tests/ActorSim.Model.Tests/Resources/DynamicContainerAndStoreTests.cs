using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Random;
using ActorSim.Model.Records;

namespace ActorSim.Model.Tests.Resources;

public class DynamicContainerAndStoreTests
{
    [Fact]
    public void Shrinking_a_container_below_its_level_should_keep_the_contents_and_block_puts_until_enough_is_taken()
    {
        // Level 8 of 10; at t=1 the capacity drops to 5; a put of 2 (t=2) waits until gets bring the level to 3 at
        // t=4. As in SimPy, the processed get first retries the waiting puts, so the drainer already sees level 5.
        var line = new LineBuilder("L").AddContainer("tank", currentCap: 10, maxCap: 10, initialLevel: 8).Build()
            .Start(new Simulation(), NullRecordSink.Instance, RandomStream.Create(1, "L"));
        var sim = line.Simulation;
        var tank = line.Containers["tank"];
        var trace = new List<string>();
        sim.Process(Shrink());
        sim.Process(Filler());
        sim.Process(Drainer());

        sim.Run();

        Assert.Equal(["1 shrunk level 8 cap 5", "3 took level 5", "4 took level 5", "4 put level 5"], trace);

        IEnumerable<Event> Shrink()
        {
            yield return sim.Timeout(1);
            line.Registry.Update("L.containers.tank.current_cap", 5.0);
            trace.Add($"{sim.Now} shrunk level {tank.Level} cap {tank.Capacity}");
        }

        IEnumerable<Event> Filler()
        {
            yield return sim.Timeout(2);
            yield return tank.Put(2);
            trace.Add($"{sim.Now} put level {tank.Level}");
        }

        IEnumerable<Event> Drainer()
        {
            yield return sim.Timeout(3);
            yield return tank.Get(3);
            trace.Add($"{sim.Now} took level {tank.Level}");
            yield return sim.Timeout(1);
            yield return tank.Get(2);
            trace.Add($"{sim.Now} took level {tank.Level}");
        }
    }

    [Fact]
    public void Growing_a_store_should_let_waiting_puts_in_at_once()
    {
        var line = new LineBuilder("L").AddStore("bin", currentCap: 1, maxCap: 3).Build()
            .Start(new Simulation(), NullRecordSink.Instance, RandomStream.Create(1, "L"));
        var sim = line.Simulation;
        var bin = line.Stores["bin"];
        var trace = new List<string>();
        foreach (var item in new[] { "a", "b", "c" })
        {
            sim.Process(Put(item));
        }

        sim.Process(Grow());

        sim.Run();

        Assert.Equal(["0 put a", "5 put b", "5 put c"], trace);
        Assert.Equal(["a", "b", "c"], bin.Items);

        IEnumerable<Event> Put(string item)
        {
            yield return bin.Put(item);
            trace.Add($"{sim.Now} put {item}");
        }

        IEnumerable<Event> Grow()
        {
            yield return sim.Timeout(5);
            line.Registry.Update("L.stores.bin.current_cap", 3);
        }
    }

    [Fact]
    public void Shrinking_a_store_to_zero_should_keep_its_items_and_close_it_to_puts()
    {
        var line = new LineBuilder("L").AddStore("bin", currentCap: 2).Build()
            .Start(new Simulation(), NullRecordSink.Instance, RandomStream.Create(1, "L"));
        var sim = line.Simulation;
        var bin = line.Stores["bin"];
        var putDone = -1.0;
        sim.Process(Run());

        sim.Run();

        Assert.Equal(["x"], bin.Items);
        Assert.Equal(-1.0, putDone);

        IEnumerable<Event> Run()
        {
            yield return bin.Put("x");
            line.Registry.Update("L.stores.bin.current_cap", 0);
            var put = bin.Put("y");
            yield return sim.AnyOf(put, sim.Timeout(100));
            if (put.IsProcessed)
            {
                putDone = sim.Now;
            }

            put.Dispose();
        }
    }
}
