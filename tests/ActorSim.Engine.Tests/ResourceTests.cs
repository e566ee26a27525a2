using ActorSim.Engine.Resources;
using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class ResourceTests
{
    [Fact]
    public void Resource_should_serve_requests_first_come_first_served_and_release_on_dispose()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var server = new Resource(sim, 1, "server");
        IEnumerable<Event> Customer(string name, double arrive, double service)
        {
            yield return sim.Timeout(arrive);
            using var request = server.Request();
            trace.Add(name, "queued");
            yield return request;
            trace.Add(name, "started");
            yield return sim.Timeout(service);
            trace.Add(name, "finished");
        }

        sim.Process(Customer("a", 0, 2));
        sim.Process(Customer("b", 1, 2));
        sim.Process(Customer("c", 1, 1));
        sim.Run();

        Assert.Equal(
            ["0 a queued", "0 a started", "1 b queued", "1 c queued", "2 a finished", "2 b started", "4 b finished", "4 c started", "5 c finished"],
            trace.Lines);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public void Resource_should_keep_Count_Queue_and_Users_true_at_every_step()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var desks = new Resource(sim, 2, "desks");
        IEnumerable<Event> Clerk(string name, double service)
        {
            using var request = desks.Request();
            yield return request;
            trace.Add(name, $"count {desks.Count} queue {desks.Queue.Count} since {request.UsageSince}");
            yield return sim.Timeout(service);
        }

        sim.Process(Clerk("a", 3));
        sim.Process(Clerk("b", 1));
        sim.Process(Clerk("c", 1));
        sim.Run(0.5);
        var queuedAtHalf = desks.Queue.Count;
        var usersAtHalf = desks.Users.Count;
        sim.Run();

        Assert.Equal(["0 a count 2 queue 1 since 0", "0 b count 2 queue 1 since 0", "1 c count 2 queue 0 since 1"], trace.Lines);
        Assert.Equal((1, 2), (queuedAtHalf, usersAtHalf));
        Assert.Equal(0, desks.Count);
        Assert.Empty(desks.Queue);
    }

    [Fact]
    public void Resource_should_refuse_a_capacity_below_one()
    {
        var sim = new Simulation();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Resource(sim, 0, "press"));

        Assert.StartsWith("Resource 'press' needs a capacity of at least 1.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PriorityResource_should_serve_lower_priority_first_and_first_come_among_equals()
    {
        var sim = new Simulation();
        var trace = new Trace(sim);
        var crane = new PriorityResource(sim, 1, "crane");
        IEnumerable<Event> Job(string name, int priority, double arrive)
        {
            yield return sim.Timeout(arrive);
            using var request = crane.Request(priority);
            yield return request;
            trace.Add(name, "lifts");
            yield return sim.Timeout(1);
        }

        sim.Process(Job("holder", 5, 0));
        sim.Process(Job("x", 2, 0.5));
        sim.Process(Job("y", 1, 0.5));
        sim.Process(Job("z", 1, 0.5));
        sim.Process(Job("w", 0, 0.5));
        sim.Process(Job("v", 1, 0.75));
        sim.Run();

        Assert.Equal(["0 holder lifts", "1 w lifts", "2 y lifts", "3 z lifts", "4 v lifts", "5 x lifts"], trace.Lines);
    }
}
