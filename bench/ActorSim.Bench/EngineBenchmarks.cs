using ActorSim.Engine;
using ActorSim.Engine.Resources;

namespace ActorSim.Bench;

/// <summary>Engine-only benchmarks: many processes on timeouts, and heavy resource contention.</summary>
internal static class EngineBenchmarks
{
    /// <summary><paramref name="processes"/> processes each looping on timeouts until about <paramref name="totalEvents"/> events ran.</summary>
    public static BenchResult TimeoutLoops(int processes, long totalEvents)
    {
        return Measure.Repeat($"timeouts x {processes:N0} processes", () =>
        {
            var sim = new Simulation();
            var perProcess = Math.Max(1, totalEvents / processes);
            for (var p = 0; p < processes; p++)
            {
                sim.Process(Loop(sim, perProcess, 1.0 + (p % 7) * 0.125));
            }

            sim.Run();
            return (sim.ProcessedEvents, string.Empty);
        });

        static IEnumerable<Event> Loop(Simulation sim, long count, double delay)
        {
            for (var i = 0; i < count; i++)
            {
                yield return sim.Timeout(delay);
            }
        }
    }

    /// <summary>Many customers contending for a 4-unit SimPy-style resource.</summary>
    public static BenchResult Contention(int customers, int capacity)
    {
        return Measure.Repeat($"contention {customers:N0} on {capacity}", () =>
        {
            var sim = new Simulation();
            var resource = new Resource(sim, capacity);
            for (var c = 0; c < customers; c++)
            {
                sim.Process(Customer(sim, resource, c));
            }

            sim.Run();
            return (sim.ProcessedEvents, string.Empty);
        });

        static IEnumerable<Event> Customer(Simulation sim, Resource resource, int id)
        {
            for (var i = 0; i < 10; i++)
            {
                using var request = resource.Request();
                yield return request;
                yield return sim.Timeout(1.0 + (id % 3) * 0.5);
            }
        }
    }
}
