using ActorSim.Engine;
using ActorSim.Engine.Pacing;
using ActorSim.Model.Building;
using ActorSim.Model.Distributions;
using ActorSim.Model.Random;
using ActorSim.Model.Records;

namespace ActorSim.Model.Tests.Building;

public class LagMonitorTests
{
    [Fact]
    public void A_paced_line_should_publish_its_lag_every_simulated_second()
    {
        // Slow model code costs 0.25 wall seconds at t=2 (its timeout was scheduled before the monitor's), so the sample
        // at 2 shows the lag; pacing then sleeps 0.25 s less before t=3 and the run is on time again.
        var clock = new SteppedClock();
        var sim = new Simulation(pacing: new PacingPolicy { Factor = 1.0, Clock = clock });
        var sink = new InMemoryRecordSink();
        new LineBuilder("L")
            .AddProcess("slow", _ => Slow(sim, clock))
            .Build()
            .Start(sim, sink, RandomStream.Create(1, "L"));

        sim.Run(4.5);

        var lag = sink.Records.Where(r => r.PathId == Line.LagMetricPath).Select(r => $"{r.SimTime}: {r.Number}");
        Assert.Equal(["0: 0", "1: 0", "2: 0.25", "3: 0", "4: 0"], lag);
    }

    [Fact]
    public void An_unpaced_line_should_not_publish_a_lag_metric()
    {
        var sim = new Simulation();
        var sink = new InMemoryRecordSink();
        new LineBuilder("L")
            .AddArrival("a", DistributionConfig.Constant(1))
            .AddService("s", DistributionConfig.Constant(1))
            .AddResource("m", currentCap: 1)
            .AddTask("t", "a", steps => steps.Step("m", "s"))
            .Build()
            .Start(sim, sink, RandomStream.Create(1, "L"));

        sim.Run(10);

        Assert.DoesNotContain(sink.Records, r => r.PathId == Line.LagMetricPath);
    }

    private static IEnumerable<Event> Slow(Simulation sim, SteppedClock clock)
    {
        yield return sim.Timeout(2);
        clock.Lose(0.25);
    }

    /// <summary>A wall clock that sleeps instantly and can be made to fall behind.</summary>
    private sealed class SteppedClock : IWallClock
    {
        public double ElapsedSeconds { get; private set; }

        public void Sleep(double seconds) => ElapsedSeconds += seconds;

        public void Lose(double seconds) => ElapsedSeconds += seconds;
    }
}
