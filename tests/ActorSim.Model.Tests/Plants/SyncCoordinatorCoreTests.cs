using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Model.Tests.Plants;

public class SyncCoordinatorCoreTests
{
    private const double Never = double.PositiveInfinity;

    [Fact]
    public void Chain_should_run_the_sender_to_the_end_then_deliver_and_finish_in_two_rounds()
    {
        // A(0) → B(1), L = 5, end 20. Round 1: A (no inbound) to 20, B to 0 + 5. A sends at 7 for 12.
        // Round 2: A is idle at 20, B's next event is the item at 12: B runs to the end with it.
        var core = new SyncCoordinatorCore(new ConservativeSchedule(2, [new ScheduleLink("belt", 0, 1, 5)], 20));
        core.Ready(0, 0, 0);
        core.Ready(1, 0, Never);

        var round1 = core.NextRound();
        Assert.Equal([(0, 20.0), (1, 5.0)], round1.Select(g => (g.Line, g.Horizon)));
        Assert.All(round1, g => Assert.Empty(g.Deliveries));
        var item = Shipment("belt", source: 0, destination: 1, sequence: 0, sentAt: 7, arrival: 12);
        core.Report(new LineReport(0, Never, [item]));
        core.Report(new LineReport(1, Never, []));
        Assert.False(core.IsFinished);

        var round2 = core.NextRound();
        var grant = Assert.Single(round2);
        Assert.Equal((1, 20.0), (grant.Line, grant.Horizon));
        Assert.Equal([item], grant.Deliveries);
        core.Report(new LineReport(1, Never, []));

        Assert.True(core.IsFinished);
        Assert.Empty(core.NextRound());
        Assert.Equal(2, core.Rounds);
        Assert.Equal(3, core.Grants);
        Assert.Equal(1, core.ItemsDelivered);
    }

    [Fact]
    public void Eager_grants_should_bound_neighbours_by_a_running_line_earliest_time_including_its_deliveries()
    {
        // A(0) → B(1) → C(2), L = 5, end 100, window 20. A sends an item to B arriving at 18; B, granted with it while
        // its own next event is far off, still bounds C at 18 + 5 while it runs.
        var core = new SyncCoordinatorCore(new ConservativeSchedule(3, [new ScheduleLink("ab", 0, 1, 5), new ScheduleLink("bc", 1, 2, 5)], 100, maxWindow: 20));
        core.Ready(0, 0, 0);
        core.Ready(1, 0, Never);
        core.Ready(2, 0, Never);
        Assert.Equal([(0, 20.0), (1, 5.0), (2, 10.0)], core.NextGrants().Select(g => (g.Line, g.Horizon)));

        core.Report(new LineReport(1, Never, []));
        Assert.Empty(core.NextGrants()); // A, still running from 0, holds B at 5
        core.Report(new LineReport(0, 21, [Shipment("ab", 0, 1, 0, sentAt: 12, arrival: 18)]));
        var grants = core.NextGrants();
        Assert.Equal([(0, 41.0), (1, 26.0)], grants.Select(g => (g.Line, g.Horizon)));
        Assert.Equal(18, Assert.Single(grants[1].Deliveries).ArrivalTime);
        Assert.Equal(3, core.AwaitingReports); // A and B again, while C still runs its first grant

        core.Report(new LineReport(2, Never, []));
        Assert.Equal([(2, 23.0)], core.NextGrants().Select(g => (g.Line, g.Horizon)));
        Assert.Equal((3L, 6L), (core.Rounds, core.Grants));
    }

    [Fact]
    public void Eager_grants_should_give_the_records_of_rounds_on_a_cycle_and_finish()
    {
        // The two-cycle of the round test, granted eagerly: the same horizons are reached and the run ends at 20.
        var core = new SyncCoordinatorCore(new ConservativeSchedule(2, [new ScheduleLink("ab", 0, 1, 5), new ScheduleLink("ba", 1, 0, 5)], 20));
        core.Ready(0, 0, 0);
        core.Ready(1, 0, 0);
        var running = new Queue<LineGrant>(core.NextGrants());
        while (running.TryDequeue(out var grant))
        {
            core.Report(new LineReport(grant.Line, grant.Horizon, []));
            foreach (var next in core.NextGrants())
            {
                running.Enqueue(next);
            }
        }

        Assert.True(core.IsFinished);
        Assert.Equal((20.0, 20.0), (core.ReachedTime(0), core.ReachedTime(1)));
    }

    [Fact]
    public void Two_cycle_should_advance_in_windows_of_the_lookahead()
    {
        // A ⇄ B, L = 5 both ways, both with an event every second: each round moves both horizons by 5.
        var core = new SyncCoordinatorCore(new ConservativeSchedule(2, [new ScheduleLink("ab", 0, 1, 5), new ScheduleLink("ba", 1, 0, 5)], 20));
        core.Ready(0, 0, 0);
        core.Ready(1, 0, 0);
        var horizons = new List<double>();
        while (!core.IsFinished)
        {
            foreach (var grant in core.NextRound())
            {
                horizons.Add(grant.Horizon);
                core.Report(new LineReport(grant.Line, grant.Horizon, []));
            }
        }

        Assert.Equal([5, 5, 10, 10, 15, 15, 20, 20], horizons);
        Assert.Equal(4, core.Rounds);
    }

    [Fact]
    public void Deliveries_should_be_handed_out_in_arrival_source_and_sequence_order()
    {
        // Lines 0 and 1 both feed line 2 (L = 5); line 1 reports first and its items were sent first.
        var core = new SyncCoordinatorCore(new ConservativeSchedule(3,
            [new ScheduleLink("from0", 0, 2, 5), new ScheduleLink("from1", 1, 2, 5)], 100));
        core.Ready(0, 0, 0);
        core.Ready(1, 0, 0);
        core.Ready(2, 0, Never);
        var round1 = core.NextRound();
        var b0 = Shipment("from1", 1, 2, 0, 1, 10);
        var a3 = Shipment("from0", 0, 2, 3, 5, 10);
        var a1 = Shipment("from0", 0, 2, 1, 2, 10);
        var early = Shipment("from1", 1, 2, 1, 3, 9);
        core.Report(new LineReport(1, Never, [b0, early]));
        core.Report(new LineReport(0, Never, [a1, a3]));
        core.Report(new LineReport(2, Never, []));
        Assert.Equal([100, 100, 5], round1.Select(g => g.Horizon));

        var grant = Assert.Single(core.NextRound());

        Assert.Equal([early, a1, a3, b0], grant.Deliveries);
    }

    [Fact]
    public void An_item_sent_sooner_than_the_lookahead_should_fail_the_round_naming_the_link()
    {
        var core = new SyncCoordinatorCore(new ConservativeSchedule(2, [new ScheduleLink("belt", 0, 1, 5)], 20));
        core.Ready(0, 0, 0);
        core.Ready(1, 0, Never);
        core.NextRound();

        var error = Assert.Throws<InvalidOperationException>(() =>
            core.Report(new LineReport(0, Never, [Shipment("belt", 0, 1, 0, sentAt: 2, arrival: 6)])));

        Assert.Contains("Link 'belt'", error.Message, StringComparison.Ordinal);
        Assert.Contains("lookahead of 5 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_over_a_link_the_line_does_not_own_should_be_refused()
    {
        var core = new SyncCoordinatorCore(new ConservativeSchedule(2, [new ScheduleLink("belt", 0, 1, 5)], 20));
        core.Ready(0, 0, 0);
        core.Ready(1, 0, 0);
        core.NextRound();

        Assert.Throws<InvalidOperationException>(() => core.Report(new LineReport(1, Never, [Shipment("belt", 1, 0, 0, 1, 9)])));
    }

    [Fact]
    public void Protocol_errors_should_be_refused()
    {
        var core = new SyncCoordinatorCore(new ConservativeSchedule(2, [new ScheduleLink("belt", 0, 1, 5)], 20));
        core.Ready(0, 0, 0);
        Assert.Throws<InvalidOperationException>(() => core.NextRound()); // line 1 not ready
        Assert.Throws<InvalidOperationException>(() => core.Ready(0, 0, 0)); // twice
        core.Ready(1, 0, Never);
        core.NextRound();
        Assert.Throws<InvalidOperationException>(() => core.NextRound()); // reports outstanding
        Assert.Throws<ArgumentException>(() => core.Report(new LineReport(1, 4, []))); // next event before its horizon 5
        core.Report(new LineReport(1, Never, []));
        Assert.Throws<InvalidOperationException>(() => core.Report(new LineReport(1, Never, []))); // reported twice
    }

    [Fact]
    public void Items_arriving_at_or_after_the_end_should_not_be_delivered()
    {
        var core = new SyncCoordinatorCore(new ConservativeSchedule(2, [new ScheduleLink("belt", 0, 1, 5)], 20));
        core.Ready(0, 0, 0);
        core.Ready(1, 0, Never);
        core.NextRound();
        core.Report(new LineReport(0, Never, [Shipment("belt", 0, 1, 0, 15, 20)]));
        core.Report(new LineReport(1, Never, []));

        var grant = Assert.Single(core.NextRound());

        Assert.Empty(grant.Deliveries);
        Assert.Equal(20, grant.Horizon);
    }

    private static ItemShipment Shipment(string link, int source, int destination, long sequence, double sentAt, double arrival) =>
        new(link, source, destination, sequence, sentAt, arrival, new PlantItem(new RecordKey($"{link}-", sequence)));

    [Fact]
    public void Curtailed_report_should_move_the_line_only_to_where_it_stopped_and_grant_it_again_from_there()
    {
        // A → B, L = 5, end 20. Round 1: A to 20, B to 5; A is curtailed at 2 (next event at 3), B runs to 5.
        // Round 2: A from 2 to the end again; B's safe horizon is A's next event 3 + 5 = 8.
        var core = new SyncCoordinatorCore(new ConservativeSchedule(2, [new ScheduleLink("belt", 0, 1, 5)], 20));
        core.Ready(0, 0, 0);
        core.Ready(1, 0, Never);
        core.NextRound();

        core.Report(new LineReport(0, 3, [], Reached: 2));
        core.Report(new LineReport(1, Never, []));

        Assert.Equal((2.0, 5.0), (core.ReachedTime(0), core.ReachedTime(1)));
        Assert.Equal([(0, 20.0), (1, 8.0)], core.NextRound().Select(g => (g.Line, g.Horizon)));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(21.0)]
    public void Report_stopping_outside_its_grant_should_be_refused(double reached)
    {
        var core = new SyncCoordinatorCore(new ConservativeSchedule(1, [], 20));
        core.Ready(0, 0, 0);
        core.NextRound();

        var error = Assert.Throws<ArgumentException>(() => core.Report(new LineReport(0, Never, [], Reached: reached)));

        Assert.Contains("outside its grant from t=0.000s to t=20.000s", error.Message);
    }
}
