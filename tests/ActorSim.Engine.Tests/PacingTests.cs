using ActorSim.Engine.Pacing;
using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class PacingTests
{
    [Fact]
    public void Pacing_with_factor_two_should_sleep_two_wall_seconds_per_simulated_second()
    {
        var clock = new FakeWallClock();
        var sim = new Simulation(pacing: new PacingPolicy { Factor = 2, Clock = clock });
        sim.Timeout(1);
        sim.Timeout(3);

        sim.Run();

        Assert.Equal([2.0, 4.0], clock.Sleeps);
        Assert.Equal(6, clock.ElapsedSeconds);
        Assert.Equal(0, sim.LagSeconds);
    }

    [Fact]
    public void Pacing_when_strict_should_throw_naming_the_lag_and_keep_the_late_event_scheduled()
    {
        var clock = new FakeWallClock();
        var sim = new Simulation(pacing: new PacingPolicy { Factor = 1, Strict = true, ToleranceSeconds = 0.5, Clock = clock });
        sim.Timeout(1).AddCallback(_ => clock.Advance(3));
        sim.Timeout(2);

        var error = Assert.Throws<PacingLagException>(() => sim.Run());

        Assert.Equal(2, error.LagSeconds);
        Assert.Equal(2, error.SimulatedTime);
        Assert.StartsWith("The simulation is 2 s behind the wall clock at t=2.000s (strict tolerance 0.5 s).", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, sim.Now);
        Assert.Equal(2, sim.Peek());
    }

    [Fact]
    public void Pacing_should_expose_the_lag_of_a_run_that_falls_behind()
    {
        var clock = new FakeWallClock();
        var sim = new Simulation(pacing: PacingPolicy.WithFactor(1) with { Clock = clock });
        sim.Timeout(1).AddCallback(_ => clock.Advance(3));
        sim.Timeout(2);

        sim.Step();
        var lagAfterSlowStep = sim.LagSeconds;
        sim.Step();

        Assert.Equal(3, lagAfterSlowStep);
        Assert.Equal(2, sim.LagSeconds);
        Assert.Equal([1.0], clock.Sleeps);
    }

    [Fact]
    public void PacingPolicy_should_refuse_a_negative_factor()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => PacingPolicy.WithFactor(-1));

        Assert.Equal("factor", error.ParamName);
    }
}
