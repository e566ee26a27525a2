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
        Assert.Equal(SimTime.Format(seconds), text);
    }

    [Theory]
    [InlineData(-1.5, "-1.5s")]
    [InlineData(double.PositiveInfinity, "∞")]
    [InlineData(double.NegativeInfinity, "-∞")]
    [InlineData(double.NaN, "NaN")]
    public void Format_should_write_a_time_that_is_no_duration_as_its_number_of_seconds(double seconds, string expected)
    {
        Assert.Equal(expected, SimTime.Format(seconds));
        Assert.Equal(expected, SimTime.Format(seconds, new DateTime(2026, 1, 1)));
    }

    [Fact]
    public void Format_should_write_the_largest_time_span_as_a_number_rather_than_overflow()
    {
        var seconds = TimeSpan.MaxValue.TotalSeconds;

        Assert.Equal("922337203685.4775s", SimTime.Format(seconds));
        Assert.DoesNotContain("(", SimTime.Format(seconds, new DateTime(2026, 1, 1)), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_should_name_the_instant_from_the_first_to_the_last_representable_one()
    {
        Assert.Equal("0.000s (2026-01-01T00:00:00.000)", SimTime.Format(0, new DateTime(2026, 1, 1)));
        Assert.Equal("0.000s (0001-01-01T00:00:00.000)", SimTime.Format(0, DateTime.MinValue));
        var secondBeforeTheEnd = new DateTime(DateTime.MaxValue.Ticks - TimeSpan.TicksPerSecond);
        Assert.Equal("1.000s (9999-12-31T23:59:59.999)", SimTime.Format(1, secondBeforeTheEnd));
        Assert.Equal("2.000s", SimTime.Format(2, secondBeforeTheEnd));
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
