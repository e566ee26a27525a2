using ActorSim.Actors.Messages;
using ActorSim.Actors.Tests.Support;
using ActorSim.Model.Plants;
using Xunit.Abstractions;

namespace ActorSim.Actors.Tests.Protocol;

/// <summary>
/// Items sent straight between lines on one node, against lines played by probes on A → B → C (L = 5, end 100): the
/// coordinator names each line's peers, bounds the destination by the first item's arrival, and releases the items by count.
/// </summary>
[Collection(ActorsCollection.Name)]
public sealed class DirectItemsProtocolTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(TestConfig.ForTestKit(), "direct-items", output)
{
    [Fact]
    public void Coordinator_should_name_each_line_its_peers_then_bound_and_release_items_sent_straight_as_it_would_relayed_ones()
    {
        var chain = new ChainOfThree(this, TestConfig.Settings with { Grants = GrantMode.Rounds }, directItems: true);
        chain.Start(TestActor);
        ExpectMsg<RunStarted>();

        // Every probe is on this node: A sends to B, B to C, C to nobody; items due at the end or later go through the coordinator.
        var peersOfA = chain.A.ExpectMsg<LinePeers>();
        Assert.Equal([1], peersOfA.Peers);
        Assert.Equal(100, peersOfA.Before);
        Assert.Equal([2], chain.B.ExpectMsg<LinePeers>().Peers);
        chain.A.ExpectMsg<Grant>();
        chain.B.ExpectMsg<Grant>();
        chain.C.ExpectMsg<Grant>();

        // Round 1 of the hand-computed chain, A's item at 8 sent straight: B is granted to the end with it, C to 13.
        chain.A.Send(chain.Coordinator, new GrantDone(ChainOfThree.RunId, 1, 0, double.PositiveInfinity, [], 0, 0, Direct: [new DirectlySent(1, 1, 8)]));
        chain.Report(1, 1);
        chain.Report(2, 1);
        var b = chain.B.ExpectMsg<Grant>();
        Assert.Equal((2L, 100.0), (b.Round, b.Horizon));
        Assert.Empty(b.Deliveries);
        Assert.Equal([new DirectRelease(0, 1)], b.Direct);
        Assert.Equal(13, chain.C.ExpectMsg<Grant>().Horizon);
        chain.C.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_run_with_direct_items_off_should_tell_no_line_of_peers()
    {
        var chain = new ChainOfThree(this, TestConfig.Settings);
        chain.Start(TestActor);
        ExpectMsg<RunStarted>();

        Assert.Equal(1, chain.A.ExpectMsg<Grant>().Round);
    }
}
