using ActorSim.Actors.Messages;
using ActorSim.Actors.Tests.Support;
using Akka.Event;
using Xunit.Abstractions;

namespace ActorSim.Actors.Tests.Monitoring;

/// <summary>The coordinator's end-of-run log, at Info, against lines played by probes (A → B → C).</summary>
[Collection(ActorsCollection.Name)]
public sealed class CoordinatorLogTests(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(TestConfig.ForTestKit(TestConfig.Settings with { LogLevel = "INFO" }), "coordinator-log", output)
{
    [Fact]
    public void Coordinator_should_log_the_run_summary_then_one_event_per_line_with_its_waits()
    {
        var log = CreateTestProbe();
        Sys.EventStream.Subscribe(log.Ref, typeof(Info));
        var chain = new ChainOfThree(this, TestConfig.Settings with { Grants = GrantMode.Rounds });
        chain.Start(TestActor);
        ExpectMsg<RunStarted>();
        // Every line reports no next event: round 1 takes A to the end, round 2 takes B and C there.
        for (var line = 0; line < 3; line++)
        {
            chain.Line(line).ExpectMsg<Grant>();
            chain.Report(line, 1);
        }

        for (var line = 1; line < 3; line++)
        {
            chain.Line(line).ExpectMsg<Grant>();
            chain.Report(line, 2);
        }

        for (var line = 0; line < 3; line++)
        {
            chain.Line(line).ExpectMsg<FinishLine>();
            chain.Line(line).Send(chain.Coordinator, new LineFinished(ChainOfThree.RunId, line, 10 * line, 0, line == 1 ? 40 : -1, 0, null, SyncWaitSeconds: 1.5 + line, EgressBlockedSeconds: line == 1 ? 0.25 : 0));
        }

        var stats = ExpectMsg<RunCompleted>().Stats;
        var summary = log.FishForMessage<Info>(i => Template(i).StartsWith("Run {Outcome}", StringComparison.Ordinal));
        var lines = Enumerable.Range(0, 3).Select(_ => (LogMessage)log.ExpectMsg<Info>().Message).ToList();

        Assert.Equal("completed", ((LogMessage)summary.Message).GetProperties()["Outcome"]);
        Assert.Equal([1.5, 2.5, 3.5], stats.Lines.Select(l => l.SyncWaitSeconds));
        Assert.Equal([0, 0.25, 0], stats.Lines.Select(l => l.EgressBlockedSeconds));
        Assert.All(lines, m => Assert.StartsWith("Line {SimId}:", m.Format, StringComparison.Ordinal));
        Assert.Equal(["A", "B", "C"], lines.Select(m => m.GetProperties()["SimId"]));
        Assert.Equal([1.5, 2.5, 3.5], lines.Select(m => m.GetProperties()["SyncWait"]));
        Assert.Equal([0.0, 0.25, 0.0], lines.Select(m => m.GetProperties()["EgressBlocked"]));
        Assert.Equal(["no egress", 40L, "no egress"], lines.Select(m => m.GetProperties()["Records"]));
    }

    private static string Template(Info info) => info.Message is LogMessage m ? m.Format : string.Empty;
}
