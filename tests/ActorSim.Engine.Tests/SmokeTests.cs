using ActorSim.Engine.Resources;

namespace ActorSim.Engine.Tests;

public class SmokeTests
{
    [Fact]
    public void Resource_should_serve_three_customers_in_fifo_order_on_one_server()
    {
        var sim = new Simulation();
        var server = new Resource(sim, 1);
        var log = new List<string>();
        IEnumerable<Event> Customer(string name, double arrive, double service)
        {
            yield return sim.Timeout(arrive);
            using var req = server.Request();
            log.Add($"{sim.Now} {name} queued");
            yield return req;
            log.Add($"{sim.Now} {name} started");
            yield return sim.Timeout(service);
            log.Add($"{sim.Now} {name} finished");
        }

        sim.Process(Customer("a", 0, 2));
        sim.Process(Customer("b", 1, 2));
        sim.Process(Customer("c", 1, 1));
        sim.Run();
        Assert.Equal(
            ["0 a queued", "0 a started", "1 b queued", "1 c queued", "2 a finished", "2 b started", "4 b finished", "4 c started", "5 c finished"],
            log);
    }
}
