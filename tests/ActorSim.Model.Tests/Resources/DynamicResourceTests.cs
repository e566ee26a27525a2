using ActorSim.Engine;
using ActorSim.Model.Parameters;
using ActorSim.Model.Registry;
using ActorSim.Model.Resources;

namespace ActorSim.Model.Tests.Resources;

public class DynamicResourceTests
{
    private const string CapPath = "L.resources.m.current_cap";
    private readonly Simulation _sim = new();
    private readonly ParameterRegistry _registry;
    private readonly DynamicResource _resource;
    private readonly List<string> _trace = [];

    public DynamicResourceTests()
    {
        var p = new SimParameter("L");
        p.Resources["m"] = new CapacityConfig(1, 5);
        _registry = new ParameterRegistry(_sim);
        _registry.Register(p);
        _resource = new DynamicResource(_sim, _registry, "L", "m");
    }

    [Fact]
    public void Requests_should_be_served_in_order_at_hand_computed_times()
    {
        Job("a", 0, 2);
        Job("b", 0, 2);
        Job("c", 1, 1);

        _sim.Run();

        Assert.Equal(["0 a start", "2 a end", "2 b start", "4 b end", "4 c start", "5 c end"], _trace);
    }

    [Fact]
    public void Growing_capacity_should_grant_waiting_requests_at_once()
    {
        Job("a", 0, 10);
        Job("b", 0, 10);
        Job("c", 0, 10);
        SetCapacity(at: 3, value: 3);

        _sim.Run();

        Assert.Equal(["0 a start", "3 b start", "3 c start", "10 a end", "13 b end", "13 c end"], _trace);
    }

    [Fact]
    public void Shrinking_capacity_should_let_work_finish_and_start_nothing_until_in_use_is_below_it()
    {
        _registry.Update(CapPath, 3);
        Job("a", 0, 5);
        Job("b", 0, 6);
        Job("c", 0, 7);
        Job("d", 0, 1);
        SetCapacity(at: 1, value: 1);
        var observed = new List<string>();
        _sim.Process(Observe(observed, 2, 5.5, 6.5, 7.5));

        _sim.Run();

        Assert.Equal(["0 a start", "0 b start", "0 c start", "5 a end", "6 b end", "7 c end", "7 d start", "8 d end"], _trace);
        Assert.Equal(["2: cap 1 in_use 3 queue 1", "5.5: cap 1 in_use 2 queue 1", "6.5: cap 1 in_use 1 queue 1", "7.5: cap 1 in_use 1 queue 0"], observed);
    }

    [Fact]
    public void Lower_priority_numbers_should_go_first_and_equals_in_request_order()
    {
        Job("holder", 0, 5);
        Job("low-1", 1, 1, priority: 3);
        Job("high", 2, 1, priority: 0);
        Job("low-2", 3, 1, priority: 3);

        _sim.Run();

        Assert.Equal(["0 holder start", "5 holder end", "5 high start", "6 high end", "6 low-1 start", "7 low-1 end", "7 low-2 start", "8 low-2 end"], _trace);
    }

    [Fact]
    public void A_withdrawn_request_should_leave_no_trace_in_the_queue()
    {
        Job("holder", 0, 5);
        var counts = new List<int>();
        _sim.Process(Impatient());
        Job("patient", 2, 1);

        _sim.Run();

        Assert.Equal([1, 2, 1], counts);
        Assert.Equal(["0 holder start", "5 holder end", "5 patient start", "6 patient end"], _trace);
        Assert.Equal(0, _resource.InUse);

        IEnumerable<Event> Impatient()
        {
            yield return _sim.Timeout(1);
            var request = _resource.Request();
            counts.Add(_resource.QueueLength);
            yield return _sim.AnyOf(request, _sim.Timeout(2));
            counts.Add(_resource.QueueLength);
            request.Dispose();
            counts.Add(_resource.QueueLength);
        }
    }

    [Fact]
    public void Utilization_should_be_in_use_over_capacity_in_percent()
    {
        _registry.Update(CapPath, 4);
        Job("a", 0, 5);
        double utilization = -1;
        _sim.Process(Probe());

        _sim.Run();

        Assert.Equal(25.0, utilization);

        IEnumerable<Event> Probe()
        {
            yield return _sim.Timeout(1);
            utilization = _resource.Utilization;
        }
    }

    [Fact]
    public void Pooled_requests_should_be_served_like_requests_and_reused_once_released()
    {
        var seen = new List<DynamicRequest>();
        Job("a", 0, 2, pooled: true, seen: seen);
        Job("b", 0, 2, priority: 0, pooled: true, seen: seen);
        Job("c", 1, 1, pooled: true, seen: seen);
        Job("d", 10, 1, pooled: true, seen: seen);

        _sim.Run();

        // b outranks a only once a holds the unit: a is granted at 0 before b asks.
        Assert.Equal(["0 a start", "2 a end", "2 b start", "4 b end", "4 c start", "5 c end", "10 d start", "11 d end"], _trace);
        Assert.Equal(3, seen.Distinct().Count());
        Assert.Contains(seen[3], seen.Take(3));
        Assert.Equal((10.0, 10.0), (seen[3].RequestedAt, seen[3].GrantedAt));
    }

    [Fact]
    public void Withdrawn_pooled_request_should_not_be_reused_or_granted()
    {
        SetCapacity(at: 0, value: 0);
        DynamicRequest? withdrawn = null;
        IEnumerable<Event> Impatient()
        {
            yield return _sim.Timeout(1);
            withdrawn = _resource.RequestPooled(1);
            withdrawn.Dispose();
        }

        _sim.Process(Impatient());
        var seen = new List<DynamicRequest>();
        Job("late", 2, 1, pooled: true, seen: seen);
        SetCapacity(at: 5, value: 1);

        _sim.Run();

        Assert.Equal(["5 late start", "6 late end"], _trace);
        Assert.NotSame(withdrawn, seen.Single());
        Assert.Equal(0, _resource.InUse);
    }

    private void Job(string name, double arrive, double hold, int priority = 1, bool pooled = false, List<DynamicRequest>? seen = null) =>
        _sim.Process(Body(name, arrive, hold, priority, pooled, seen));

    private IEnumerable<Event> Body(string name, double arrive, double hold, int priority, bool pooled = false, List<DynamicRequest>? seen = null)
    {
        yield return _sim.Timeout(arrive);
        using var request = pooled ? _resource.RequestPooled(priority) : _resource.Request(priority);
        seen?.Add(request);
        yield return request;
        _trace.Add($"{_sim.Now} {name} start");
        yield return _sim.Timeout(hold);
        _trace.Add($"{_sim.Now} {name} end");
    }

    private void SetCapacity(double at, int value) => _sim.Process(Set(at, value));

    private IEnumerable<Event> Set(double at, int value)
    {
        yield return _sim.Timeout(at);
        _registry.Update(CapPath, value);
    }

    private IEnumerable<Event> Observe(List<string> into, params double[] times)
    {
        foreach (var t in times)
        {
            yield return _sim.Timeout(t - _sim.Now);
            into.Add($"{t}: cap {_resource.Capacity} in_use {_resource.InUse} queue {_resource.QueueLength}");
        }
    }
}
