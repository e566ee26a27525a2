using ActorSim.Engine;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Model.Tests.Plants;

/// <summary>
/// The sync core refuses a host or line that breaks the protocol, naming the line and what it did, and leaves its state
/// as it was; and its bookkeeping at the edges (a horizon limit, an item at the committed time, deliveries).
/// </summary>
public class SyncCoordinatorCoreGuardTests
{
    private const double Never = double.PositiveInfinity;

    /// <summary>A(0) → B(1) over 'belt' (lookahead 5), C(2) alone; end 20.</summary>
    private static SyncCoordinatorCore Core() =>
        new(new ConservativeSchedule(3, [new ScheduleLink("belt", 0, 1, 5)], 20));

    private static SyncCoordinatorCore Started()
    {
        var core = Core();
        core.Ready(0, 0, 0);
        core.Ready(1, 0, Never);
        core.Ready(2, 0, Never);
        return core;
    }

    [Fact]
    public void Constructor_should_refuse_no_schedule() =>
        Assert.Throws<ArgumentNullException>(() => new SyncCoordinatorCore(null!));

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Ready_should_refuse_a_line_outside_the_plant(int line)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Core().Ready(line, 0, 0));

        Assert.Equal("line", error.ParamName);
        Assert.StartsWith("Lines are numbered 0 to 2.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ready_should_refuse_a_line_ready_twice()
    {
        var core = Core();
        core.Ready(1, 0, Never);

        var error = Assert.Throws<InvalidOperationException>(() => core.Ready(1, 0, Never));

        Assert.Equal("Line 1 said it was ready twice.", error.Message);
    }

    [Theory]
    [InlineData(double.NaN, 0.0)]
    [InlineData(Never, Never)]
    [InlineData(0.0, double.NaN)]
    [InlineData(5.0, 4.0)]
    public void Ready_should_refuse_a_time_that_is_not_a_number_or_an_event_in_the_past(double now, double next)
    {
        var core = Core();

        var error = Assert.Throws<ArgumentException>(() => core.Ready(0, now, next));

        Assert.Contains("both must be numbers and the event not in the past", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => core.NextRound()); // the line did not count as ready
    }

    [Fact]
    public void Ready_should_accept_an_event_at_the_current_time()
    {
        var core = Core();
        core.Ready(0, 5, 5);
        core.Ready(1, 5, Never);
        core.Ready(2, 5, Never);

        Assert.Equal(5, core.ReachedTime(0));
        Assert.NotEmpty(core.NextRound());
    }

    [Fact]
    public void Next_round_should_name_how_many_lines_are_not_ready_or_not_reported()
    {
        var core = Core();
        core.Ready(0, 0, 0);

        Assert.Equal("2 line(s) have not said they are ready.", Assert.Throws<InvalidOperationException>(() => core.NextRound()).Message);
        Assert.Equal("2 line(s) have not said they are ready.", Assert.Throws<InvalidOperationException>(() => core.NextGrants()).Message);
        core.Ready(1, 0, Never);
        core.Ready(2, 0, Never);
        Assert.False(core.IsFinished);
        Assert.Equal(3, core.NextRound().Count);
        Assert.Equal("3 line(s) have not reported on round 1.", Assert.Throws<InvalidOperationException>(() => core.NextRound()).Message);
    }

    [Fact]
    public void Is_finished_should_wait_for_every_line_to_be_ready_even_at_the_end_time()
    {
        var core = Core();
        core.Ready(0, 20, Never);
        core.Ready(1, 20, Never);

        Assert.False(core.IsFinished);
        core.Ready(2, 20, Never);
        Assert.True(core.IsFinished);
    }

    [Fact]
    public void Next_round_at_the_horizon_limit_should_grant_nothing_and_open_no_round()
    {
        var core = Started();
        core.HorizonLimit = 0;

        Assert.Empty(core.NextRound());
        Assert.Equal((0L, 0L), (core.Rounds, core.Grants));

        core.HorizonLimit = 3;
        Assert.Equal([(0, 3.0), (1, 3.0), (2, 3.0)], core.NextRound().Select(g => (g.Line, g.Horizon)));
    }

    [Fact]
    public void Report_should_refuse_null_a_line_outside_the_plant_and_a_line_without_a_grant()
    {
        var core = Started();
        core.HorizonLimit = 3;
        core.NextRound();
        core.Report(new LineReport(2, Never, []));

        Assert.Throws<ArgumentNullException>(() => core.Report(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => core.Report(new LineReport(3, Never, [])));
        Assert.Equal("Line 2 reported without a grant in round 1.",
            Assert.Throws<InvalidOperationException>(() => core.Report(new LineReport(2, Never, []))).Message);
        Assert.Equal(2, core.AwaitingReports);
    }

    [Theory]
    [InlineData(2.5)]  // before where it stood
    [InlineData(20.5)] // past its horizon
    [InlineData(double.NaN)]
    public void Report_should_refuse_a_line_that_stopped_outside_its_grant(double reached)
    {
        var core = Started();
        core.HorizonLimit = 3;
        core.NextRound();
        foreach (var line in new[] { 0, 1, 2 })
        {
            core.Report(new LineReport(line, Never, []));
        }

        core.HorizonLimit = Never;
        core.NextRound();

        var error = Assert.Throws<ArgumentException>(() => core.Report(new LineReport(0, Never, [], Reached: reached)));

        Assert.Contains("Line 0 says it stopped at t=", error.Message, StringComparison.Ordinal);
        Assert.Contains($"outside its grant from t={SimTime.Format(3)} to t={SimTime.Format(20)}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_should_accept_a_line_that_stopped_where_it_stood()
    {
        var core = Started();
        core.HorizonLimit = 3;
        core.NextRound();
        core.Report(new LineReport(0, 3, [], Reached: 0));

        Assert.Equal(0, core.ReachedTime(0));
    }

    [Theory]
    [InlineData("conveyor", 0, 1, 0)] // no such link
    [InlineData("belt", 0, 2, 0)]     // the link leads elsewhere
    [InlineData("belt", 2, 1, 0)]     // another line's item
    [InlineData("belt", 0, 1, 2)]     // reported by a line the link does not start from
    public void Report_should_refuse_an_item_sent_over_a_link_the_line_does_not_have(string link, int source, int destination, int reporter)
    {
        var core = Started();
        core.NextRound();
        var item = new ItemShipment(link, source, destination, 0, 1, 7, new PlantItem(new RecordKey("part-", 4)));

        var error = Assert.Throws<InvalidOperationException>(() => core.Report(new LineReport(reporter, Never, [item])));

        Assert.Equal(
            $"Line {reporter} sent item part-4 over link '{link}' from line {source} to line {destination}, which is not a link of the plant from line {reporter}.",
            error.Message);
    }

    [Fact]
    public void Report_should_accept_an_item_arriving_exactly_when_its_destination_is_committed_and_deliver_it()
    {
        // Round 1: A to 20, B to 5. B reports first; A's item arrives exactly at B's committed time 5 (sent at 0).
        var core = Started();
        var round = core.NextRound();
        Assert.Equal([(0, 20.0), (1, 5.0), (2, 20.0)], round.Select(g => (g.Line, g.Horizon)));
        core.Report(new LineReport(1, Never, []));
        core.Report(new LineReport(2, Never, []));
        var item = new ItemShipment("belt", 0, 1, 0, 0, 5, new PlantItem(new RecordKey("part-", 1)));
        core.Report(new LineReport(0, Never, [item]));

        var grant = Assert.Single(core.NextRound());

        Assert.Equal((1, 20.0), (grant.Line, grant.Horizon));
        Assert.Equal([item], grant.Deliveries);
        Assert.Equal(1, core.ItemsDelivered);
    }

    [Fact]
    public void Report_should_refuse_an_item_due_before_its_destination_is_committed_even_within_the_lookahead()
    {
        // B ran to 5 and was granted to 20 again (A said its next event was at 15) when A, broken, sends an item at 6
        // due at 11: the lookahead holds, but B may already be at 20.
        var core = new SyncCoordinatorCore(new ConservativeSchedule(2, [new ScheduleLink("belt", 0, 1, 5)], 40, maxWindow: 10));
        core.Ready(0, 0, 0);
        core.Ready(1, 0, Never);
        Assert.Equal([(0, 10.0), (1, 5.0)], core.NextGrants().Select(g => (g.Line, g.Horizon)));
        core.Report(new LineReport(0, 15, [], Reached: 2));
        core.Report(new LineReport(1, Never, []));
        Assert.Equal([(0, 25.0), (1, 20.0)], core.NextGrants().Select(g => (g.Line, g.Horizon)));
        var late = new ItemShipment("belt", 0, 1, 0, 6, 11, new PlantItem(new RecordKey("part-", 2)));

        var error = Assert.Throws<InvalidOperationException>(() => core.Report(new LineReport(0, 30, [late])));

        Assert.Contains($"Link 'belt': item part-2 sent at t={SimTime.Format(6)} arrives at t={SimTime.Format(11)}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"(line 1 may already have run to t={SimTime.Format(20)})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_should_refuse_an_item_due_before_a_destination_that_has_reported()
    {
        var core = Started();
        core.NextRound();
        core.Report(new LineReport(1, Never, []));
        var early = new ItemShipment("belt", 0, 1, 0, -2, 4, new PlantItem(new RecordKey("part-", 3)));

        var error = Assert.Throws<InvalidOperationException>(() => core.Report(new LineReport(0, Never, [early])));

        Assert.Contains($"(line 1 may already have run to t={SimTime.Format(5)})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grant_without_items_should_keep_an_empty_delivery_list_when_items_come_later()
    {
        var core = Started();
        var forB = core.NextRound().Single(g => g.Line == 1);
        core.Report(new LineReport(1, Never, []));
        core.Report(new LineReport(2, Never, []));

        core.Report(new LineReport(0, Never, [new ItemShipment("belt", 0, 1, 0, 7, 12, new PlantItem(new RecordKey("part-", 5)))]));

        Assert.Empty(forB.Deliveries);
        Assert.Single(Assert.Single(core.NextRound()).Deliveries);
    }
}
