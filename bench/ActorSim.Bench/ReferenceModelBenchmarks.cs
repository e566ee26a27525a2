using ActorSim.Engine;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Parameters;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Registry;
using ActorSim.Model.Resources;

namespace ActorSim.Bench;

/// <summary>The reference model of shared/README.md ("Line_A"), engine only: records are counted, not written.</summary>
internal static class ReferenceModelBenchmarks
{
    public const double Week = 7 * 86400;

    /// <summary>The builder's model for <paramref name="seconds"/>.</summary>
    public static BenchResult Builder(double seconds) => Measure.Repeat("reference model (builder)", () =>
    {
        var sim = new Simulation();
        var sink = new CountingRecordSink();
        ReferenceModels.LineA().Start(sim, sink, RandomStream.Create(42, "Line_A"));
        sim.Run(seconds);
        return (sim.ProcessedEvents, $"{sink.Events:N0} event records, {sink.Telemetry:N0} telemetry");
    });

    /// <summary>The seed's imperative history example: a registry lookup per draw, as dynamic-des does.</summary>
    public static BenchResult Imperative(double seconds) => Measure.Repeat("reference model (imperative)", () =>
    {
        var sim = new Simulation();
        var sink = new CountingRecordSink();
        var parameters = new SimParameter("Line_A");
        parameters.Arrival["standard"] = DistributionConfig.Exponential(2.0);
        parameters.Service["milling"] = DistributionConfig.Normal(2.0, 0.2);
        parameters.Resources["lathe"] = new CapacityConfig(4, 10);
        var registry = new ParameterRegistry(sim);
        registry.Register(parameters);
        var lathe = new DynamicResource(sim, registry, "Line_A", "lathe");
        var sampler = new Sampler(RandomStream.Create(42, "Line_A"));
        sim.Process(Arrivals(sim, registry, lathe, sampler, sink));
        sim.Process(Telemetry(sim, lathe, sink));
        sim.Run(seconds);
        return (sim.ProcessedEvents, $"{sink.Events:N0} event records");
    });

    private static IEnumerable<Event> Arrivals(Simulation sim, ParameterRegistry registry, DynamicResource lathe, Sampler sampler, IRecordSink sink)
    {
        var arrival = registry.GetDistribution("Line_A.arrival.standard");
        var taskId = 0L;
        while (true)
        {
            yield return sim.Timeout(sampler.Sample(arrival));
            sim.Process(Work(sim, registry, taskId++, lathe, sampler, sink));
        }
    }

    private static IEnumerable<Event> Work(Simulation sim, ParameterRegistry registry, long taskId, DynamicResource lathe, Sampler sampler, IRecordSink sink)
    {
        const string path = "Line_A.service.milling";
        var key = new RecordKey("task-", taskId);
        sink.Publish(SimRecord.Lifecycle(sim.Now, key, path, "queued"));
        using var request = lathe.Request();
        yield return request;
        var service = registry.GetDistribution(path);
        sink.Publish(SimRecord.Lifecycle(sim.Now, key, path, "started"));
        yield return sim.Timeout(sampler.Sample(service));
        sink.Publish(SimRecord.Lifecycle(sim.Now, key, path, "finished"));
    }

    private static IEnumerable<Event> Telemetry(Simulation sim, DynamicResource lathe, IRecordSink sink)
    {
        while (true)
        {
            sink.Publish(SimRecord.Telemetry(sim.Now, "Line_A.lathe.capacity", lathe.Capacity));
            sink.Publish(SimRecord.Telemetry(sim.Now, "Line_A.lathe.in_use", lathe.InUse));
            sink.Publish(SimRecord.Telemetry(sim.Now, "Line_A.lathe.queue_length", lathe.QueueLength));
            sink.Publish(SimRecord.Telemetry(sim.Now, "Line_A.lathe.utilization", lathe.Utilization));
            yield return sim.Timeout(60);
        }
    }
}
