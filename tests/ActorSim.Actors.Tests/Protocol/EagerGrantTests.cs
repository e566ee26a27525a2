using ActorSim.Actors.Messages;
using ActorSim.Actors.Tests.Support;
using Xunit.Abstractions;

namespace ActorSim.Actors.Tests.Protocol;

/// <summary>
/// Eager grants (the default) against lines played by probes, computed by hand on A → B → C (L = 5, end 100, a window
/// of 20 s for lines that send items): a line that reported runs on while others still run.
/// </summary>
[Collection(ActorsCollection.Name)]
public sealed class EagerGrantTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(TestConfig.ForTestKit(), "eager", output)
{
    private const double Window = 20;
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void Coordinator_should_grant_a_line_again_as_soon_as_its_horizon_moves_while_others_still_run()
    {
        // E = (0, 5, 10): A is windowed to 0 + 20, B gets E_A + 5, C gets E_B + 5.
        var chain = StartWithFirstGrants();

        // B is done, but A (still running from 0) bounds it at 5: nothing to grant yet.
        chain.Report(1, 1);
        chain.B.ExpectNoMsg(Quiet);

        // A reaches 20 with its next event at 21 and an item for B at 18, while C still runs round 1: A runs on to
        // 21 + 20, and B, whose earliest event is now the item, to E_A + 5 = 26 with it.
        chain.Report(0, 1, 21, ChainOfThree.Item("ab", 0, 1, 0, sentAt: 12, arrival: 18));
        AssertGrant(chain.A.ExpectMsg<Grant>(), 2, 41);
        var b = chain.B.ExpectMsg<Grant>();
        AssertGrant(b, 2, 26);
        Assert.Equal(18, Assert.Single(b.Deliveries).ArrivalTime);
        chain.C.ExpectNoMsg(Quiet);

        // C reports round 1; B, running from its item at 18, bounds it at 18 + 5.
        chain.Report(2, 1);
        AssertGrant(chain.C.ExpectMsg<Grant>(), 3, 23);
    }

    [Fact]
    public void Coordinator_should_hold_a_sender_two_windows_ahead_of_its_destination_until_the_destination_reports()
    {
        var chain = StartWithFirstGrants();

        // B keeps running its first grant (it stands at 0). A may run to 41 (20 < 0 + 2 × 20), not beyond 40 again.
        chain.Report(0, 1, 21);
        AssertGrant(chain.A.ExpectMsg<Grant>(), 2, 41);
        chain.Report(0, 2, 42);
        chain.A.ExpectNoMsg(Quiet);

        // B reaches 5: A (at 41 < 5 + 40) runs on to 42 + 20, and B to E_A + 5 = 47.
        chain.Report(1, 1);
        AssertGrant(chain.A.ExpectMsg<Grant>(), 3, 62);
        AssertGrant(chain.B.ExpectMsg<Grant>(), 3, 47);
    }

    [Fact]
    public void Coordinator_should_stop_after_the_grants_still_running_have_reported()
    {
        var chain = StartWithFirstGrants();

        chain.Coordinator.Tell(new Stop(ChainOfThree.RunId), TestActor);
        for (var i = 0; i < 3; i++)
        {
            chain.Line(i).ExpectMsg<Curtail>();
        }

        // A reports: no new grant while stopping, and the lines still running are not told to finish yet.
        chain.Report(0, 1, 21);
        chain.A.ExpectNoMsg(Quiet);
        chain.Report(1, 1);
        chain.C.ExpectNoMsg(Quiet);
        chain.Report(2, 1);
        for (var i = 0; i < 3; i++)
        {
            chain.Line(i).ExpectMsg<FinishLine>();
            chain.Line(i).Send(chain.Coordinator, new LineFinished(ChainOfThree.RunId, i, 0, 0, -1, 0, null));
        }

        var stopped = ExpectMsg<RunStopped>();
        Assert.Equal(5, stopped.ReachedTime);
    }

    /// <summary>Starts the chain and takes round 1's grants: A to 20, B to 5, C to 10.</summary>
    private ChainOfThree StartWithFirstGrants()
    {
        var chain = new ChainOfThree(this, TestConfig.Settings, Window);
        chain.Start(TestActor);
        ExpectMsg<RunStarted>();
        AssertGrant(chain.A.ExpectMsg<Grant>(), 1, 20);
        AssertGrant(chain.B.ExpectMsg<Grant>(), 1, 5);
        AssertGrant(chain.C.ExpectMsg<Grant>(), 1, 10);
        return chain;
    }

    private static void AssertGrant(Grant grant, long round, double horizon) => Assert.Equal((round, horizon), (grant.Round, grant.Horizon));
}
