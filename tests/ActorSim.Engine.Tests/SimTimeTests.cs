namespace ActorSim.Engine.Tests;

public class SimTimeTests
{
    [Theory]
    [InlineData(126641.43796362873, "1d 11h10m41.438s")]
    [InlineData(52568.75883002106, "14h36m08.759s")]
    [InlineData(641.5, "10m41.500s")]
    [InlineData(2, "2.000s")]
    [InlineData(0, "0.000s")]
    [InlineData(59.9996, "1m00.000s")]
    [InlineData(3 * 86400.0, "3d 00h00m00.000s")]
    public void Format_should_write_days_hours_minutes_and_milliseconds(double seconds, string expected) =>
        Assert.Equal(expected, SimTime.Format(seconds));

    [Fact]
    public void Format_should_add_the_instant_the_time_stands_for()
    {
        Assert.Equal("1d 11h10m41.438s (2026-01-02T11:10:41.438)", SimTime.Format(126641.43796362873, new DateTime(2026, 1, 1)));
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NaN)]
    [InlineData(-1.5)]
    public void Format_should_write_a_time_that_is_no_duration_as_the_number_it_is(double seconds)
    {
        var text = SimTime.Format(seconds, new DateTime(2026, 1, 1));

        Assert.DoesNotContain("(", text, StringComparison.Ordinal);
        Assert.EndsWith("s", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_simulation_with_a_logical_start_should_name_the_instant_of_a_failure()
    {
        var simulation = new Simulation(0, new DateTime(2026, 1, 1));
        simulation.Process(Fail(simulation), "breaker");

        var error = Assert.Throws<SimulationException>(() => simulation.Run());

        Assert.StartsWith("Process 'breaker' failed at t=1d 03h46m40.000s (2026-01-02T03:46:40.000) and nothing handled it: broken", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Event> Fail(Simulation simulation)
    {
        yield return simulation.Timeout(100000);
        throw new InvalidOperationException("broken");
    }
}
