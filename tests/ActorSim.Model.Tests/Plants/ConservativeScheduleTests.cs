using ActorSim.Model.Plants;

namespace ActorSim.Model.Tests.Plants;

public class ConservativeScheduleTests
{
    private const double End = 100;
    private const double Never = double.PositiveInfinity;

    [Fact]
    public void Chain_should_give_the_receiver_the_senders_next_event_plus_the_lookahead_and_the_sender_the_end()
    {
        // A(0) → B(1), L = 5. A's next event at 3: B may run to 3 + 5 = 8. A has no inbound link: the end.
        var schedule = new ConservativeSchedule(2, [new ScheduleLink("ab", 0, 1, 5)], End);

        Assert.Equal([End, 8], schedule.SafeHorizons(3, 1));
    }

    [Fact]
    public void A_longest_window_should_cap_each_horizon_at_the_lines_next_event_plus_the_window()
    {
        // A → B, L = 5, window 20: A (next at 3) would run to the end but stops at 23; B's safe 8 is below 11 + 20;
        // an idle line keeps its safe horizon.
        var schedule = new ConservativeSchedule(3, [new ScheduleLink("ab", 0, 1, 5)], End, maxWindow: 20);

        Assert.Equal([23, 8, End], schedule.SafeHorizons(3, 11, Never));
    }

    [Fact]
    public void A_longest_window_should_leave_lines_that_send_nothing_unwindowed()
    {
        // A → B, L = 50, window 20: A sends, so it stops at 3 + 20; B (a sink) keeps its safe 3 + 50 although its own
        // next event is at 0; C (no links at all) runs to the end although its next event is at 4.
        var schedule = new ConservativeSchedule(3, [new ScheduleLink("ab", 0, 1, 50)], End, maxWindow: 20);

        Assert.Equal([23, 53, End], schedule.SafeHorizons(3, 0, 4));
    }

    [Fact]
    public void A_window_of_zero_should_be_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ConservativeSchedule(1, [], End, maxWindow: 0));

        Assert.Contains("longest window must be a positive number", error.Message);
    }

    [Fact]
    public void Chain_of_three_should_count_items_that_may_still_reach_the_middle_line()
    {
        // A → B → C, L = 5 each; A at 0, B idle until 100, C at 50. B may get an item at 5 and pass it on at 5,
        // reaching C at 10: E = [0, 5, 10], so C's horizon is 10, not B's next event + 5 = 105.
        var schedule = new ConservativeSchedule(3, [new ScheduleLink("ab", 0, 1, 5), new ScheduleLink("bc", 1, 2, 5)], End);
        var earliest = new double[3];

        schedule.EarliestEventTimes([0, 100, 50], earliest);

        Assert.Equal([0, 5, 10], earliest);
        Assert.Equal([End, 5, 10], schedule.SafeHorizons(0, 100, 50));
    }

    [Fact]
    public void Two_cycle_should_bound_each_line_by_the_other_plus_its_lookahead()
    {
        // A ⇄ B with L(A→B) = 5, L(B→A) = 7; A at 2, B at 10. E_B = min(10, 2 + 5) = 7, E_A = min(2, 7 + 7) = 2.
        // H_A = E_B + 7 = 14, H_B = E_A + 5 = 7.
        var schedule = new ConservativeSchedule(2, [new ScheduleLink("ab", 0, 1, 5), new ScheduleLink("ba", 1, 0, 7)], End);

        Assert.Equal([14, 7], schedule.SafeHorizons(2, 10));
    }

    [Fact]
    public void Independent_line_should_get_the_end_time_whatever_its_next_event()
    {
        // A → B, and C on its own: C (and A) run to the end; B waits on A.
        var schedule = new ConservativeSchedule(3, [new ScheduleLink("ab", 0, 1, 5)], End);

        Assert.Equal([End, 25, End], schedule.SafeHorizons(20, 0, 0));
        Assert.False(schedule.HasInbound(2));
    }

    [Fact]
    public void Horizons_should_stop_at_the_end_time_when_senders_are_idle()
    {
        var schedule = new ConservativeSchedule(2, [new ScheduleLink("ab", 0, 1, 5), new ScheduleLink("ba", 1, 0, 5)], End);

        Assert.Equal([End, End], schedule.SafeHorizons(Never, Never));
        Assert.Equal([End, End], schedule.SafeHorizons(98, Never));
    }

    [Fact]
    public void Diamond_should_take_the_shortest_path_of_lookaheads()
    {
        // A → B (L 1), A → C (L 10), B → D (L 1), C → D (L 1); all at 50 but A at 0: E = [0, 1, 10, 2].
        var schedule = new ConservativeSchedule(4,
            [new ScheduleLink("ab", 0, 1, 1), new ScheduleLink("ac", 0, 2, 10), new ScheduleLink("bd", 1, 3, 1), new ScheduleLink("cd", 2, 3, 1)],
            End);

        Assert.Equal([End, 1, 10, 2], schedule.SafeHorizons(0, 50, 50, 50));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_link_without_positive_lookahead_should_be_refused_naming_it(double lookahead)
    {
        var error = Assert.Throws<ArgumentException>(() => new ConservativeSchedule(2, [new ScheduleLink("belt", 0, 1, lookahead)], End));

        Assert.Contains("'belt'", error.Message, StringComparison.Ordinal);
        Assert.Contains("lookahead", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_an_unknown_line_or_a_NaN_time_should_be_refused()
    {
        Assert.Throws<ArgumentException>(() => new ConservativeSchedule(2, [new ScheduleLink("belt", 0, 2, 5)], End));
        var schedule = new ConservativeSchedule(2, [new ScheduleLink("belt", 0, 1, 5)], End);
        Assert.Throws<ArgumentException>(() => schedule.SafeHorizons(double.NaN, 0));
        Assert.Throws<ArgumentException>(() => schedule.SafeHorizons(0));
    }
}
