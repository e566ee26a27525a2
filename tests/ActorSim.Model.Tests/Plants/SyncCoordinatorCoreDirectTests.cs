using ActorSim.Model.Plants;

namespace ActorSim.Model.Tests.Plants;

/// <summary>Items sent straight between lines on one node: the coordinator hears how many and when the first is due, and releases them with a grant.</summary>
public class SyncCoordinatorCoreDirectTests
{
    private const double Never = double.PositiveInfinity;

    [Fact]
    public void Items_sent_straight_should_bound_the_destination_like_relayed_ones_and_be_released_by_count_with_its_next_grant()
    {
        // The chain of SyncCoordinatorCoreTests (A(0) → B(1), L = 5, end 20), its item sent straight: B is granted to
        // the end in round 2 because its next event is the item at 12, and that grant releases A's first item.
        var core = new SyncCoordinatorCore(new ConservativeSchedule(2, [new ScheduleLink("belt", 0, 1, 5)], 20));
        core.Ready(0, 0, 0);
        core.Ready(1, 0, Never);
        Assert.Equal([(0, 20.0), (1, 5.0)], core.NextRound().Select(g => (g.Line, g.Horizon)));

        core.Report(new LineReport(0, Never, [], Direct: [new DirectlySent(1, 1, 12)]));
        core.Report(new LineReport(1, Never, []));
        var grant = Assert.Single(core.NextRound());

        Assert.Equal((1, 20.0), (grant.Line, grant.Horizon));
        Assert.Empty(grant.Deliveries);
        Assert.Equal([new DirectRelease(0, 1)], grant.Direct);
        Assert.Equal(1, core.ItemsDelivered);
        core.Report(new LineReport(1, Never, []));
        Assert.True(core.IsFinished);
    }

    [Fact]
    public void Releases_should_count_through_each_senders_items_grant_after_grant()
    {
        // A → B, L = 5, end 100, window 10: A's first three items (the first due at 12) are released in B's grant to 15,
        // its next two in B's following grant, by A's running count.
        var core = new SyncCoordinatorCore(new ConservativeSchedule(2, [new ScheduleLink("belt", 0, 1, 5)], 100, maxWindow: 10));
        core.Ready(0, 0, 0);
        core.Ready(1, 0, Never);
        core.NextRound();
        core.Report(new LineReport(0, 10, [], Direct: [new DirectlySent(1, 3, 12)]));
        core.Report(new LineReport(1, Never, []));

        var second = core.NextRound();
        Assert.Equal([new DirectRelease(0, 3)], second.Single(g => g.Line == 1).Direct);
        foreach (var g in second)
        {
            core.Report(new LineReport(g.Line, g.Line == 0 ? 20 : Never, [], Direct: g.Line == 0 ? [new DirectlySent(1, 5, 22)] : null));
        }

        var third = core.NextRound().Single(g => g.Line == 1);
        Assert.Equal([new DirectRelease(0, 5)], third.Direct);
        Assert.Equal(5, core.ItemsDelivered);
    }

    [Fact]
    public void Items_sent_straight_to_a_line_no_link_reaches_or_into_its_past_should_fail_naming_both_lines()
    {
        var core = new SyncCoordinatorCore(new ConservativeSchedule(3, [new ScheduleLink("ab", 0, 1, 5)], 20));
        core.Ready(0, 0, 0);
        core.Ready(1, 0, Never);
        core.Ready(2, 0, Never);
        core.NextRound();

        var noLink = Assert.Throws<InvalidOperationException>(() => core.Report(new LineReport(0, Never, [], Direct: [new DirectlySent(2, 1, 12)])));
        Assert.Contains("Line 0 sent items straight to line 2, which no link of the plant from line 0 reaches", noLink.Message, StringComparison.Ordinal);

        // Line 1 is granted to 5: an item due at 3 lands in its past.
        var past = Assert.Throws<InvalidOperationException>(() => core.Report(new LineReport(0, Never, [], Direct: [new DirectlySent(1, 1, 3)])));
        Assert.Contains("line 1 may already have run to t=", past.Message, StringComparison.Ordinal);
    }
}
