using ActorSim.Engine.Resources;
using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class PreemptiveResourceTests
{
    private readonly Simulation _sim = new();
    private readonly Trace _trace;
    private readonly PreemptiveResource _machine;

    public PreemptiveResourceTests()
    {
        _trace = new Trace(_sim);
        _machine = new PreemptiveResource(_sim, 1, "machine");
    }

    [Fact]
    public void PreemptiveResource_should_evict_a_lower_priority_user_and_tell_it_who_when_and_since_when()
    {
        _sim.Process(LowPriorityUser(), "low");
        _sim.Process(Job(priority: 0, preempt: true, arrive: 2), "high");

        _sim.Run();

        Assert.Equal(
            [
                "0 low got machine",
                "2 low preempted by high, using since 0, at 2 on machine; users [high]",
                "2 high got machine",
                "5 high done",
            ],
            _trace.Lines);
        Assert.Empty(_machine.Users);
    }

    [Fact]
    public void PreemptiveResource_should_make_a_non_preempting_request_wait()
    {
        _sim.Process(LowPriorityUser(), "low");
        _sim.Process(Job(priority: 0, preempt: false, arrive: 2), "high");

        _sim.Run();

        Assert.Equal(["0 low got machine", "5 low done", "5 high got machine", "8 high done"], _trace.Lines);
    }

    [Fact]
    public void PreemptiveResource_should_not_preempt_for_an_equal_priority()
    {
        _sim.Process(LowPriorityUser(), "low");
        _sim.Process(Job(priority: 1, preempt: true, arrive: 2), "peer");

        _sim.Run();

        Assert.Equal(["0 low got machine", "5 low done", "5 peer got machine", "8 peer done"], _trace.Lines);
    }

    [Fact]
    public void PreemptiveResource_should_queue_a_preempting_request_before_a_non_preempting_one_of_the_same_priority_and_time()
    {
        // The holder (priority 0) cannot be evicted by either; both wait from t=2, the calm one asked first.
        _sim.Process(Job(priority: 0, preempt: false, arrive: 0), "holder");
        _sim.Process(Job(priority: 1, preempt: false, arrive: 2), "calm");
        _sim.Process(Job(priority: 1, preempt: true, arrive: 2), "urgent");

        _sim.Run();

        Assert.Equal(["0 holder got machine", "3 holder done", "3 urgent got machine", "6 urgent done", "6 calm got machine", "9 calm done"], _trace.Lines);
    }

    [Fact]
    public void A_priority_resources_request_should_never_preempt()
    {
        var resource = new PriorityResource(_sim, 1, "bench");

        Assert.False(resource.Request(priority: -5).Preempt);
        Assert.False(resource.Request().Preempt);
        Assert.True(_machine.Request(priority: 0).Preempt);
    }

    private IEnumerable<Event> LowPriorityUser()
    {
        using var request = _machine.Request(priority: 1);
        yield return request;
        _trace.Add("low", "got machine");
        yield return _sim.Timeout(5);
        var self = _sim.Self();
        if (self.Fault is ProcessInterruptedException { Cause: Preempted preempted })
        {
            self.HandleFault();
            _trace.Add("low", $"preempted by {preempted.By?.Name}, using since {preempted.UsageSince}, at {preempted.At} on {preempted.Resource.Name}; users [{string.Join(",", _machine.Users.Select(u => u.Owner?.Name))}]");
            yield break;
        }

        _trace.Add("low", "done");
    }

    private IEnumerable<Event> Job(int priority, bool preempt, double arrive)
    {
        yield return _sim.Timeout(arrive);
        using var request = _machine.Request(priority, preempt);
        yield return request;
        var name = _sim.Self().Name;
        _trace.Add(name, "got machine");
        yield return _sim.Timeout(3);
        _trace.Add(name, "done");
    }
}
