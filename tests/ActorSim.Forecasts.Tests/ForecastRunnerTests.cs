using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Plants;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;

namespace ActorSim.Forecasts.Tests;

/// <summary>Forecast replications against queueing theory and hand-computed drains, and their independence from the worker count.</summary>
public sealed class ForecastRunnerTests
{
    [Theory]
    // λ = 2.25/s, μ = 1/s, c = 3: ρ = 0.75, P(wait) = 0.567757, Wq = P(wait) / (cμ − λ) = 0.757009 s.
    [InlineData(3, 2.25, 0.7570093, 11)]
    // λ = 3/s, μ = 1/s, c = 4: ρ = 0.75, a = 3, Σ a^k/k! (k < 4) = 13, a^4/4! / (1 − ρ) = 13.5, P(wait) = 13.5 / 26.5, Wq = 0.509434 s.
    [InlineData(4, 3.0, 0.5094340, 12)]
    public void An_M_M_c_forecast_covers_Erlang_C_wait_and_the_utilization(int servers, double arrivalRate, double erlangCWait, ulong seed)
    {
        // One forecast's 95 % interval misses the truth one time in twenty (seed 11 does for c = 4, by 0.002 s); the seed
        // is fixed, and the coverage test below checks that the misses are that rare and no rarer.
        var plant = Plant(new LineBuilder("MMc")
            .AddArrival("poisson", DistributionConfig.Exponential(arrivalRate))
            .AddService("exp", DistributionConfig.Exponential(1.0))
            .AddResource("server", currentCap: servers)
            .AddTask("job", arrival: "poisson", steps => steps.Step("server", "exp"))
            .Build());

        var result = ForecastRunner.Run(new ForecastRequest { Plant = plant, HorizonSeconds = 20_000, Replications = 20, Seed = seed, Parallelism = 2 });

        var wait = Summary(result, "wait_mean");
        var utilization = Summary(result, "MMc.server.utilization");
        Assert.InRange(erlangCWait, wait.CiLow, wait.CiHigh);
        Assert.InRange(0.75, utilization.CiLow, utilization.CiHigh);
        Assert.True(wait.HalfWidth < 0.05, $"the interval is {wait.HalfWidth} s wide on each side");
        Assert.InRange(Summary(result, "throughput").Mean, arrivalRate * 20_000 * 0.98, arrivalRate * 20_000 * 1.02);
    }

    [Fact]
    public void Over_400_independent_M_M_3_forecasts_the_95_percent_intervals_cover_Erlang_C_in_93_to_97_percent()
    {
        // Each forecast: 10 replications of 5,000 s from empty; the start's transient biases the wait by about 1 %,
        // against intervals about 10 % wide on each side. The binomial standard deviation of the coverage is 1.1 %.
        var plant = Plant(new LineBuilder("MMc")
            .AddArrival("poisson", DistributionConfig.Exponential(2.25))
            .AddService("exp", DistributionConfig.Exponential(1.0))
            .AddResource("server", currentCap: 3)
            .AddTask("job", arrival: "poisson", steps => steps.Step("server", "exp"))
            .Build());
        var covered = 0;
        for (ulong seed = 1; seed <= 400; seed++)
        {
            var wait = Summary(ForecastRunner.Run(new ForecastRequest { Plant = plant, HorizonSeconds = 5000, Replications = 10, Seed = seed, Parallelism = 2 }), "wait_mean");
            covered += wait.CiLow <= 0.7570093 && 0.7570093 <= wait.CiHigh ? 1 : 0;
        }

        Assert.InRange(covered / 400.0, 0.93, 0.97);
    }

    [Fact]
    public void Fifty_tasks_drain_from_a_snapshot_at_the_constant_service_rate_exactly()
    {
        // One machine, constant 2 s service, no arrivals: one task in service since the instant and 49 queued since it.
        var line = new LineBuilder("Drain")
            .AddArrival("none", DistributionConfig.Exponential(1.0))
            .AddService("fixed", DistributionConfig.Constant(2.0))
            .AddResource("machine", currentCap: 1)
            .AddTask("job", arrival: "none", steps => steps.Step("machine", "fixed"))
            .Build();
        var plant = Plant(line);
        var snapshot = new ModelSnapshot
        {
            Kind = SnapshotKind.Observed,
            Model = new ModelIdentity("Drain", ModelFingerprint.Of(plant)),
            Start = new DateTime(2026, 1, 1),
            AsOf = 1000,
            Lines =
            [
                new LineSnapshot
                {
                    SimId = "Drain",
                    Parameters = new Dictionary<string, object> { ["Drain.arrival.none.rate"] = 0.0 },
                    Tasks = [.. Enumerable.Range(0, 50).Select(i => new TaskSnapshot { Key = $"task-{i}", Task = "job", Step = 0, State = i == 0 ? TaskState.InService : TaskState.Queued, Since = 1000 })],
                    NextTaskNumber = 50,
                },
            ],
        };

        var result = ForecastRunner.Run(new ForecastRequest { Plant = plant, Snapshot = snapshot, HorizonSeconds = 101, Replications = 3 });

        // The k-th queued task starts at 2k s and waits 2k s: a mean of 50 s; 49 tasks queue, one fewer every 2 s.
        Assert.Equal(50, Summary(result, "throughput").Mean);
        Assert.Equal(0, Summary(result, "wip_end").Mean);
        Assert.Equal(50, Summary(result, "wait_mean").Mean, 9);
        Assert.Equal(49, Summary(result, "Drain.machine.queue_max").Mean);
        Assert.Equal(2 * (49.0 * 50 / 2) / 101, Summary(result, "Drain.machine.queue_mean").Mean, 9);
        Assert.Equal(100.0 / 101, Summary(result, "Drain.machine.utilization").Mean, 9);
        Assert.Equal(0, Summary(result, "throughput").Std);

        // The bands: 49 waiting at the start in every replication, none at the horizon, never more on the way.
        var bands = ForecastBandsParquet.Bands(ForecastRunner.Run(new ForecastRequest { Plant = plant, Snapshot = snapshot, HorizonSeconds = 101, Replications = 3, BandStep = 10 }))
            .Where(b => b.Series == "Drain.machine.queue").ToArray();
        Assert.Equal([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 101], bands.Select(b => b.Time));
        Assert.Equal((49.0, 49.0, 49.0, 49.0), (bands[0].P5, bands[0].P50, bands[0].P95, bands[0].Mean));
        Assert.Equal(0, bands[^1].P95);
        Assert.True(bands.Zip(bands.Skip(1)).All(p => p.Second.P50 <= p.First.P50), "the queue grew while it drained");
    }

    [Fact]
    public void Replications_are_the_same_for_any_number_of_workers_and_differ_from_each_other()
    {
        var plant = Plant(ReferenceModels.LineA());
        var simulation = new Simulation(0, new DateTime(2026, 1, 1));
        var line = ReferenceModels.LineA().Start(simulation, NullRecordSink.Instance, RandomStream.Create(42, "Line_A"));
        simulation.RunUntil(3 * 3600);
        var snapshot = SnapshotCapture.Take(plant, "Line_A", [line], 42);
        var request = new ForecastRequest { Plant = plant, Snapshot = snapshot, HorizonSeconds = 1800, Replications = 6, Seed = 5 };

        var one = ForecastRunner.Run(request with { Parallelism = 1 });
        var two = ForecastRunner.Run(request with { Parallelism = 2 });

        Assert.Equal(one.Rows.Select(r => string.Join(",", r)), two.Rows.Select(r => string.Join(",", r)));
        Assert.True(one.Rows.Select(r => r[0]).Distinct().Count() > 1, "every replication drew the same future");
        Assert.Equal(one.Summaries.Select(s => s.Summary), two.Summaries.Select(s => s.Summary));
    }

    [Fact]
    public void A_plant_forecast_names_each_lines_kpis()
    {
        var result = ForecastRunner.Run(new ForecastRequest { Plant = ReferenceModels.TwoStagePlant(), HorizonSeconds = 1800, Replications = 2 });

        Assert.Contains("Machining_1.throughput", result.Kpis);
        Assert.Contains("Assembly_4.wait_p95", result.Kpis);
        Assert.Contains("Machining_1.mill.utilization", result.Kpis);
        Assert.True(Summary(result, "Assembly_1.throughput").Mean > 0, "items reached the assembly lines");
    }

    private static Statistics.KpiSummary Summary(ForecastResult result, string kpi) =>
        result.Summaries.Single(s => s.Kpi == kpi).Summary ?? throw new InvalidOperationException($"{kpi} is undefined in every replication");

    private static PlantModel Plant(LineModel line) => new PlantBuilder().AddLine(line).Build();
}
