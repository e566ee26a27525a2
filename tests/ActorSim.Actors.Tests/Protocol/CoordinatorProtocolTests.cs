using ActorSim.Actors.Messages;
using ActorSim.Actors.Tests.Support;
using Xunit.Abstractions;

namespace ActorSim.Actors.Tests.Protocol;

/// <summary>The coordinator against lines played by probes: grants and horizons computed by hand on A → B → C (L = 5, end 100).</summary>
[Collection(ActorsCollection.Name)]
public sealed class CoordinatorProtocolTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(TestConfig.ForTestKit(), "protocol", output)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void Coordinator_should_grant_hand_computed_horizons_and_deliver_items_round_by_round()
    {
        var chain = new ChainOfThree(this, TestConfig.Settings with { Grants = GrantMode.Rounds });
        chain.Start(TestActor);
        ExpectMsg<RunStarted>(m => m.RunId == ChainOfThree.RunId && m.Lines == 3 && m.EndTime == 100);

        // Round 1: E = (0, 5, 10); A has no inbound link (end), B gets E_A + 5, C gets E_B + 5.
        AssertGrant(chain.A.ExpectMsg<Grant>(), 1, 100);
        AssertGrant(chain.B.ExpectMsg<Grant>(), 1, 5);
        AssertGrant(chain.C.ExpectMsg<Grant>(), 1, 10);
        chain.Report(0, 1, ChainOfThree.Item("ab", 0, 1, 0, sentAt: 3, arrival: 8));
        chain.Report(1, 1);
        chain.Report(2, 1);

        // Round 2: B's item at 8 makes E_B = 8, so C may run to 13; A (at the end) is not granted; B runs to the end.
        var b = chain.B.ExpectMsg<Grant>();
        AssertGrant(b, 2, 100);
        Assert.Equal(8, Assert.Single(b.Deliveries).ArrivalTime);
        AssertGrant(chain.C.ExpectMsg<Grant>(), 2, 13);
        chain.A.ExpectNoMsg(Quiet);
        chain.Report(1, 2, ChainOfThree.Item("bc", 1, 2, 0, sentAt: 20, arrival: 30));
        chain.Report(2, 2);

        // Round 3: nothing can reach C any more, so it runs to the end with B's item.
        var c = chain.C.ExpectMsg<Grant>();
        AssertGrant(c, 3, 100);
        Assert.Equal(("bc", 30.0), (Assert.Single(c.Deliveries).Link, c.Deliveries[0].ArrivalTime));
        chain.Report(2, 3);

        FinishAll(chain);
        var stats = ExpectMsg<RunCompleted>().Stats;
        Assert.Equal((3L, 6L, 2L), (stats.Rounds, stats.Grants, stats.ItemsDelivered));
        Assert.Equal([1L, 2L, 3L], stats.Lines.Select(l => l.Grants));
    }

    [Fact]
    public void Coordinator_should_deliver_equal_time_items_in_source_then_sequence_order()
    {
        var chain = new ChainOfThree(this, TestConfig.Settings);
        chain.Start(TestActor);
        ExpectMsg<RunStarted>();
        chain.A.ExpectMsg<Grant>();
        chain.B.ExpectMsg<Grant>();
        chain.C.ExpectMsg<Grant>();
        chain.Report(0, 1, ChainOfThree.Item("ab", 0, 1, 0, 2, 9), ChainOfThree.Item("ab", 0, 1, 1, 3, 8), ChainOfThree.Item("ab", 0, 1, 2, 3, 8));
        chain.Report(1, 1);
        chain.Report(2, 1);

        var grant = chain.B.ExpectMsg<Grant>();
        Assert.Equal([(8.0, 1L), (8.0, 2L), (9.0, 0L)], grant.Deliveries.Select(d => (d.ArrivalTime, d.Sequence)));
    }

    [Fact]
    public void Coordinator_should_fail_the_run_naming_the_link_when_an_item_beats_the_lookahead()
    {
        var chain = new ChainOfThree(this, TestConfig.Settings);
        chain.Start(TestActor);
        ExpectMsg<RunStarted>();
        chain.A.ExpectMsg<Grant>();
        chain.Report(0, 1, ChainOfThree.Item("ab", 0, 1, 0, sentAt: 3, arrival: 6));

        var failed = ExpectMsg<RunFailed>();
        Assert.Equal("A", failed.SimId);
        Assert.Contains("Link 'ab'", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("lookahead of 5 s", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Coordinator_should_fail_the_run_naming_a_silent_line_after_the_report_timeout()
    {
        // The watchdog reads a clock that moves only when the test says: however slow this machine is, A and C cannot
        // look silent before they report, and B looks silent exactly when the timeout has passed on that clock.
        var clock = new ManualClock();
        var chain = new ChainOfThree(this, TestConfig.Settings with { LineReportTimeout = TimeSpan.FromMilliseconds(300), Grants = GrantMode.Rounds }, clock: clock);
        chain.Start(TestActor);
        ExpectMsg<RunStarted>();
        chain.A.ExpectMsg<Grant>();
        chain.B.ExpectMsg<Grant>();
        chain.C.ExpectMsg<Grant>();
        chain.Report(0, 1);
        chain.Report(2, 1);
        // A Resume while running only answers; its answer comes after the coordinator took both reports.
        chain.Coordinator.Tell(new Resume(ChainOfThree.RunId), TestActor);
        ExpectMsg<RunResumed>();
        clock.Advance(TimeSpan.FromMilliseconds(299));
        ExpectNoMsg(Quiet); // the watchdog looks every 75 ms: B is not yet silent for 300 ms

        clock.Advance(TimeSpan.FromMilliseconds(1));

        var failed = ExpectMsg<RunFailed>(TimeSpan.FromSeconds(10));
        Assert.Equal("B", failed.SimId);
        Assert.Contains("Line 'B' has been silent for 0.3 s (line-report-timeout 0.3 s)", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("in round 1", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Coordinator_should_fail_the_run_saying_the_line_is_gone_when_a_line_actor_dies()
    {
        var chain = new ChainOfThree(this, TestConfig.Settings);
        chain.Start(TestActor);
        ExpectMsg<RunStarted>();

        Sys.Stop(chain.C.Ref);

        var failed = ExpectMsg<RunFailed>();
        Assert.Equal("C", failed.SimId);
        Assert.Contains("stopped unexpectedly", failed.Reason, StringComparison.Ordinal);
        Assert.True(failed.LineGone);
    }

    [Fact]
    public void A_line_that_fails_itself_should_not_count_as_gone()
    {
        var chain = new ChainOfThree(this, TestConfig.Settings);
        chain.Start(TestActor);
        ExpectMsg<RunStarted>();

        chain.B.Send(chain.Coordinator, new LineFailed(ChainOfThree.RunId, 1, "B", 2.5, "IOException: disk full"));

        var failed = ExpectMsg<RunFailed>();
        Assert.Equal("B", failed.SimId);
        Assert.False(failed.LineGone);
    }

    [Fact]
    public void Coordinator_should_hold_grants_while_paused_then_resume_and_stop_between_rounds()
    {
        var chain = new ChainOfThree(this, TestConfig.Settings);
        chain.Start(TestActor);
        ExpectMsg<RunStarted>();
        chain.A.ExpectMsg<Grant>();
        chain.B.ExpectMsg<Grant>();
        chain.C.ExpectMsg<Grant>();

        chain.Coordinator.Tell(new Pause(ChainOfThree.RunId), TestActor);
        ExpectCurtail(chain); // lines running a grant are asked to stop at their next slice
        ExpectNoMsg(Quiet); // the round's grants are out: the pause waits for their reports
        chain.Report(0, 1, ChainOfThree.Item("ab", 0, 1, 0, 3, 8));
        chain.Report(1, 1);
        chain.Report(2, 1);
        var paused = ExpectMsg<RunPaused>();
        Assert.Equal((1L, 5.0), (paused.Round, paused.ReachedTime));
        chain.B.ExpectNoMsg(Quiet);

        chain.Coordinator.Tell(new Resume(ChainOfThree.RunId), TestActor);
        ExpectMsg<RunResumed>(m => m.Round == 1);
        AssertGrant(chain.B.ExpectMsg<Grant>(), 2, 100);
        AssertGrant(chain.C.ExpectMsg<Grant>(), 2, 13);

        chain.Coordinator.Tell(new Stop(ChainOfThree.RunId), TestActor);
        ExpectCurtail(chain);
        chain.Report(1, 2);
        chain.Report(2, 2);
        FinishAll(chain);
        var stopped = ExpectMsg<RunStopped>();
        Assert.Equal(13, stopped.ReachedTime);
        Assert.Equal(2, stopped.Stats.Rounds);
        ExpectNoMsg(Quiet); // requester and stopper are the same: one answer
    }

    [Fact]
    public void Coordinator_should_pause_where_a_curtailed_line_stopped_and_grant_it_again_from_there()
    {
        // Round 1: A (no inbound) to the end (100), B to 5, C to 10. A is curtailed at t=2 with its next event at 3.
        var chain = new ChainOfThree(this, TestConfig.Settings);
        chain.Start(TestActor);
        ExpectMsg<RunStarted>();
        AssertGrant(chain.A.ExpectMsg<Grant>(), 1, ChainOfThree.End);
        chain.B.ExpectMsg<Grant>();
        chain.C.ExpectMsg<Grant>();

        chain.Coordinator.Tell(new Pause(ChainOfThree.RunId), TestActor);
        ExpectCurtail(chain);
        chain.A.Send(chain.Coordinator, new GrantDone(ChainOfThree.RunId, 1, 0, 3, [], 0, 0, Reached: 2));
        chain.Report(1, 1);
        chain.Report(2, 1);
        var paused = ExpectMsg<RunPaused>();
        Assert.Equal((1L, 2.0), (paused.Round, paused.ReachedTime));

        chain.Coordinator.Tell(new Resume(ChainOfThree.RunId), TestActor);
        ExpectMsg<RunResumed>();
        AssertGrant(chain.A.ExpectMsg<Grant>(), 2, ChainOfThree.End);
        AssertGrant(chain.B.ExpectMsg<Grant>(), 2, 3 + ChainOfThree.Lookahead);
        AssertGrant(chain.C.ExpectMsg<Grant>(), 2, 3 + (2 * ChainOfThree.Lookahead));
    }

    private static void ExpectCurtail(ChainOfThree chain)
    {
        for (var i = 0; i < 3; i++)
        {
            chain.Line(i).ExpectMsg<Curtail>();
        }
    }

    private static void AssertGrant(Grant grant, long round, double horizon) => Assert.Equal((round, horizon), (grant.Round, grant.Horizon));

    private static void FinishAll(ChainOfThree chain)
    {
        for (var i = 0; i < 3; i++)
        {
            chain.Line(i).ExpectMsg<FinishLine>();
            chain.Line(i).Send(chain.Coordinator, new LineFinished(ChainOfThree.RunId, i, 0, 0, -1, 0, null));
        }
    }
}
