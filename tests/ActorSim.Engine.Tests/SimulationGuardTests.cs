using ActorSim.Engine.Internal;

namespace ActorSim.Engine.Tests;

/// <summary>The kernel's refusals, word for word, and the clock at the edges of <see cref="Simulation.RunUntil"/>.</summary>
public class SimulationGuardTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_should_refuse_an_initial_time_that_is_not_finite(double initialTime)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Simulation(initialTime));

        Assert.Equal("initialTime", error.ParamName);
        Assert.StartsWith("The initial time must be a finite number of seconds.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Logical_start_should_default_to_2000_01_01_utc()
    {
        var sim = new Simulation(initialTime: 60);

        Assert.Equal(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), sim.LogicalStart);
        Assert.Equal(new DateTime(2000, 1, 1, 0, 1, 30, DateTimeKind.Utc), sim.ToDateTime(90));
    }

    [Fact]
    public void Delay_should_refuse_a_negative_delay_naming_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Simulation().Delay(-1));

        Assert.StartsWith("A timeout needs a delay of zero or more simulated seconds; -1 was given.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_should_refuse_null_and_an_event_nothing_will_trigger()
    {
        var sim = new Simulation();
        var never = new Event(sim);

        Assert.Throws<ArgumentNullException>(() => sim.Run(null!));
        Assert.Equal("No events are left but Event was never triggered.", Assert.Throws<InvalidOperationException>(() => sim.Run(never)).Message);
    }

    [Fact]
    public void Run_should_throw_the_failure_of_the_event_it_waits_for()
    {
        var sim = new Simulation();
        var until = new Event(sim) { Defused = true };
        until.Fail(new InvalidOperationException("boom"));

        var error = Assert.Throws<SimulationException>(() => sim.Run(until));

        Assert.Equal($"Event failed at t={SimTime.Format(0)}: boom", error.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public void Run_until_should_move_the_clock_forward_only_and_never_to_infinity()
    {
        var sim = new Simulation();

        Assert.Equal("The horizon must be a number. (Parameter 'horizon')", Assert.Throws<ArgumentOutOfRangeException>(() => sim.RunUntil(double.NaN)).Message);
        sim.RunUntil(5);
        Assert.Equal(5, sim.Now);
        sim.RunUntil(3);
        Assert.Equal(5, sim.Now);
        sim.RunUntil(double.PositiveInfinity);
        Assert.Equal(5, sim.Now);
    }

    [Fact]
    public void Schedule_delivery_should_refuse_a_foreign_event_a_past_time_and_out_of_range_numbers_naming_each()
    {
        var sim = new Simulation(initialTime: 10);
        var ev = new Event(sim);

        Assert.Throws<ArgumentNullException>(() => sim.ScheduleDelivery(null!, 10, 0, 0));
        Assert.StartsWith("Event belongs to another simulation; deliver it there.",
            Assert.Throws<ArgumentException>(() => sim.ScheduleDelivery(new Event(new Simulation()), 10, 0, 0)).Message, StringComparison.Ordinal);
        foreach (var time in new[] { 9.5, double.NaN, double.PositiveInfinity })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleDelivery(ev, time, 0, 0));
            Assert.StartsWith($"A delivery needs a finite time at or after the current time 10; {time} is in this simulation's past.", error.Message, StringComparison.Ordinal);
        }

        foreach (var source in new[] { -1, EventQueue.MaxSourceIndex + 1 })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleDelivery(ev, 10, source, 0));
            Assert.StartsWith($"A delivery's source index must be in [0, {EventQueue.MaxSourceIndex}].", error.Message, StringComparison.Ordinal);
        }

        foreach (var sequence in new[] { -1L, EventQueue.MaxDeliverySequence + 1 })
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => sim.ScheduleDelivery(ev, 10, 0, sequence));
            Assert.StartsWith($"A delivery's sequence number must be in [0, {EventQueue.MaxDeliverySequence}].", error.Message, StringComparison.Ordinal);
        }

        Assert.False(ev.IsTriggered);
        sim.ScheduleDelivery(ev, 10, EventQueue.MaxSourceIndex, EventQueue.MaxDeliverySequence, "item");
        Assert.Equal("item", sim.Run(ev));
    }
}
