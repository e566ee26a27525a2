using ActorSim.Actors.Messages;
using ActorSim.Actors.Tests.Support;
using Xunit.Abstractions;

namespace ActorSim.Actors.Tests.Protocol;

/// <summary>A coordinator takes only its own run's messages: every message of a run carries the run's id.</summary>
[Collection(ActorsCollection.Name)]
public sealed class RunIdTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(TestConfig.ForTestKit(), "run-ids", output)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void Grants_should_carry_the_run_id()
    {
        var chain = new ChainOfThree(this, TestConfig.Settings);
        chain.Start(TestActor);

        ExpectMsg<RunStarted>(m => m.RunId == ChainOfThree.RunId);
        Assert.Equal(ChainOfThree.RunId, chain.A.ExpectMsg<Grant>().RunId);
    }

    [Fact]
    public void A_line_message_of_another_run_should_fail_the_run_naming_both_runs()
    {
        var chain = new ChainOfThree(this, TestConfig.Settings);
        chain.Start(TestActor);
        ExpectMsg<RunStarted>();
        chain.A.ExpectMsg<Grant>();

        chain.A.Send(chain.Coordinator, new GrantDone("another-run", 1, 0, double.PositiveInfinity, [], 0, 0));

        var failed = ExpectMsg<RunFailed>();
        Assert.Equal(ChainOfThree.RunId, failed.RunId);
        Assert.Contains("GrantDone of run 'another-run'", failed.Reason, StringComparison.Ordinal);
        Assert.Contains($"reached run '{ChainOfThree.RunId}'", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_of_another_run_should_be_dropped_and_the_run_go_on()
    {
        var chain = new ChainOfThree(this, TestConfig.Settings with { Grants = GrantMode.Rounds });
        chain.Start(TestActor);
        ExpectMsg<RunStarted>();
        chain.A.ExpectMsg<Grant>();
        chain.B.ExpectMsg<Grant>();
        chain.C.ExpectMsg<Grant>();

        chain.Coordinator.Tell(new Pause("another-run"), TestActor);
        chain.Coordinator.Tell(new Stop("another-run"), TestActor);
        chain.Report(0, 1);
        chain.Report(1, 1, nextEventTime: 7);
        chain.Report(2, 1);

        // Not paused, not stopped: the next round's grants go out and no reply comes to the stray requests.
        var next = chain.B.ExpectMsg<Grant>();
        Assert.Equal((ChainOfThree.RunId, 2L), (next.RunId, next.Round));
        ExpectNoMsg(Quiet);
        chain.Coordinator.Tell(new GetProgress(ChainOfThree.RunId), TestActor);
        Assert.Equal(ChainOfThree.RunId, ExpectMsg<RunProgress>().RunId);
    }
}
