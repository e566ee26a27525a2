using ActorSim.Engine.Tests.Support;

namespace ActorSim.Engine.Tests;

public class TimeoutTests
{
    [Fact]
    public void Timeout_should_fire_at_the_current_time_with_its_value_for_a_zero_delay()
    {
        var sim = new Simulation(initialTime: 4);
        var trace = new Trace(sim);
        IEnumerable<Event> P()
        {
            var zero = sim.Timeout(0, "now");
            yield return zero;
            trace.Add("p", $"woke with {zero.Value}");
            yield return sim.Timeout(1.5);
            trace.Add("p", "woke again");
        }

        sim.Process(P());
        sim.Run();

        Assert.Equal(["4 p woke with now", "5.5 p woke again"], trace.Lines);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Timeout_should_refuse_a_negative_or_missing_delay(double delay)
    {
        var sim = new Simulation();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => sim.Timeout(delay));

        Assert.Equal("delay", error.ParamName);
        Assert.StartsWith($"A timeout needs a delay of zero or more simulated seconds; {delay} was given.", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, sim.ScheduledEvents);
    }
}
