using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Parameters;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Registry;
using ActorSim.Model.Resources;

namespace ActorSim.Model.Tests.Building;

/// <summary>The two C# examples of README.md, kept compiling and running here (update both together).</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void The_declarative_readme_example_should_run_and_publish_lifecycle_events()
    {
        var model = new LineBuilder("Line_A")
            .AddArrival("standard", DistributionConfig.Exponential(rate: 2.0))
            .AddService("milling", DistributionConfig.Normal(mean: 2.0, std: 0.2))
            .AddService("deburr", DistributionConfig.Triangular(0.5, 1.0, 2.0))
            .AddResource("lathe", currentCap: 4, maxCap: 10)
            .AddResource("bench", currentCap: 2)
            .AddTask("part", arrival: "standard", steps => steps
                .Step("lathe", "milling")
                .HandOff("bench", "deburr"))
            .AddTelemetry(intervalSeconds: 60)
            .AddScenarioChange(at: 3 * 86400, "Line_A.resources.lathe.current_cap", 6)
            .Build();

        var sim = new Simulation(logicalStart: new DateTime(2026, 1, 1));
        var sink = new InMemoryRecordSink();
        var line = model.Start(sim, sink, RandomStream.Create(seed: 42, name: "Line_A"));
        sim.Run(until: 3600);
        line.Registry.Update("Line_A.arrival.standard.rate", 2.5);

        Assert.Contains(sink.Records, r => r.Status == "finished" && r.PathId == "Line_A.service.deburr");
        Assert.Equal(2.5, line.Registry.Get("Line_A.arrival.standard.rate"));
    }

    [Fact]
    public void The_imperative_readme_example_should_run()
    {
        var sim = new Simulation();
        var registry = new ParameterRegistry(sim);
        var p = new SimParameter("Line_A");
        p.Arrival["standard"] = DistributionConfig.Exponential(2.0);
        p.Service["milling"] = DistributionConfig.Normal(2.0, 0.2);
        p.Resources["lathe"] = new CapacityConfig(4, 10);
        registry.Register(p);
        var lathe = new DynamicResource(sim, registry, "Line_A", "lathe");
        var sampler = new Sampler(RandomStream.Create(42, "Line_A"));
        var parts = 0;

        IEnumerable<Event> Part(int n)
        {
            using var request = lathe.Request();
            yield return request;
            yield return sim.Timeout(sampler.Sample(registry.GetDistribution("Line_A.service.milling")));
            parts++;
        }

        IEnumerable<Event> Arrivals()
        {
            for (var n = 0; ; n++)
            {
                yield return sim.Timeout(sampler.Sample(registry.GetDistribution("Line_A.arrival.standard")));
                sim.Process(Part(n));
            }
        }

        sim.Process(Arrivals());
        sim.Run(until: 3600);

        // 4 lathes at 2 s each finish about 2 parts a second.
        Assert.InRange(parts, 6_800, 7_300);
    }
}
