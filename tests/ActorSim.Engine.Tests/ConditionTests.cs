using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class ConditionTests
{
    [Fact]
    public void AllOf_should_succeed_when_the_last_event_fires_with_all_their_values()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        IEnumerable<Event> P()
        {
            var all = sim.AllOf(sim.Timeout(2, "b"), sim.Timeout(1, "a"));
            yield return all;
            trace.Add("p", string.Join(",", ((ConditionValue)all.Value!).Values));
        }

        sim.Process(P());
        sim.Run();

        Assert.Equal(["2 p b,a"], trace.Lines);
    }

    [Fact]
    public void AnyOf_should_succeed_at_the_first_event_with_only_the_events_fired_by_then()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        IEnumerable<Event> P()
        {
            var slow = sim.Timeout(2, "slow");
            var fast = sim.Timeout(1, "fast");
            var any = sim.AnyOf(slow, fast);
            yield return any;
            var value = (ConditionValue)any.Value!;
            trace.Add("p", $"{string.Join(",", value.Values)} fast:{value[fast]} has slow:{value.Contains(slow)}");
        }

        sim.Process(P());
        sim.Run();

        Assert.Equal(["1 p fast fast:fast has slow:False"], trace.Lines);
    }

    [Fact]
    public void AnyOf_should_include_events_processed_at_the_same_time_before_it()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        IEnumerable<Event> P()
        {
            var any = sim.AnyOf(sim.Timeout(1, "a"), sim.Timeout(1, "b"));
            yield return any;
            trace.Add("p", string.Join(",", ((ConditionValue)any.Value!).Values));
        }

        sim.Process(P());
        sim.Run();

        Assert.Equal(["1 p a,b"], trace.Lines);
    }

    [Fact]
    public void Condition_should_collect_the_fired_events_of_nested_conditions()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        IEnumerable<Event> P()
        {
            var inner = sim.AnyOf(sim.Timeout(1, "a"), sim.Timeout(3, "c"));
            var outer = sim.AllOf(inner, sim.Timeout(2, "b"));
            yield return outer;
            trace.Add("p", string.Join(",", ((ConditionValue)outer.Value!).Values));
        }

        sim.Process(P());
        sim.Run();

        Assert.Equal(["2 p a,b"], trace.Lines);
    }

    [Fact]
    public void AllOf_should_fail_with_the_failure_of_a_member()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var broken = sim.Event();
        IEnumerable<Event> P()
        {
            yield return sim.AllOf(sim.Timeout(5), broken);
            var self = sim.Self();
            trace.Add("p", $"fault {self.Fault?.Message}");
            self.HandleFault();
        }

        IEnumerable<Event> Breaker()
        {
            yield return sim.Timeout(1);
            broken.Fail(new InvalidOperationException("sensor lost"));
        }

        sim.Process(P());
        sim.Process(Breaker());
        sim.Run();

        Assert.Equal(["1 p fault sensor lost"], trace.Lines);
        Assert.True(broken.Defused);
        Assert.Equal(5, sim.Now);
    }

    [Fact]
    public void Condition_should_succeed_at_once_with_no_values_when_it_has_no_events()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        IEnumerable<Event> P()
        {
            yield return sim.Timeout(1);
            var all = sim.AllOf();
            var any = sim.AnyOf();
            yield return all;
            yield return any;
            trace.Add("p", $"all {((ConditionValue)all.Value!).Events.Count} any {((ConditionValue)any.Value!).Events.Count}");
        }

        sim.Process(P());
        sim.Run();

        Assert.Equal(["1 p all 0 any 0"], trace.Lines);
    }

    [Fact]
    public void ConditionValue_should_be_fixed_when_the_condition_is_processed()
    {
        var sim = new Simulation();
        var first = sim.Timeout(1, "first");
        var second = sim.Timeout(1, "second");
        var any = sim.AnyOf(first, second);
        var seenEarly = -1;
        first.AddCallback(_ => seenEarly = ((ConditionValue)any.Value!).Events.Count);

        sim.Run();

        Assert.Equal(1, seenEarly);
        Assert.Equal(["first", "second"], ((ConditionValue)any.Value!).Values);
    }
}
