using ActorSim.Actors.Internal;
using ActorSim.Actors.Tests.Support;
using ActorSim.Egress;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Model.Records;
using Xunit.Abstractions;

namespace ActorSim.Actors.Tests.Egress;

/// <summary>
/// An egress actor drained while its line still holds records (a host that skipped the flush) answers with the
/// accounting failure instead of a report, and the line's egress fails the run with that message.
/// </summary>
[Collection(ActorsCollection.Name)]
public sealed class EgressAccountingTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(TestConfig.ForTestKit(), "accounting", output)
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "actorsim-accounting-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Drain_with_records_never_flushed_should_fail_the_run_with_the_accounting_message()
    {
        var sink = new SinkOptions { Name = "history", Store = new LocalObjectStore(_root), Router = Routers.All("events.jsonl"), Format = ChunkFormat.Jsonl, BatchSize = 10, FlushInterval = 0 };
        var worker = SinkWorker.ForSinks(Start, [sink]).Single();
        var feed = new SinkFeed(worker, CancellationToken.None);
        worker.Handoff = feed;
        feed.Actor = Sys.ActorOf(EgressActor.Props(feed));
        for (var i = 0; i < 25; i++)
        {
            var record = SimRecord.Telemetry(i, "Line_A.resources.lathe.in_use", i);
            worker.Add(in record);
        }

        // Two full batches went to the actor; the five records of the third were never flushed.
        feed.Actor.Tell(DrainSink.Instance, TestActor);
        var drained = ExpectMsg<SinkDrained>(TimeSpan.FromSeconds(30));
        var egress = new ActorEgress(Start, [sink]);
        egress.Drained(drained);

        const string Expected = "Sink 'history' accounting failed: published 25, written 20, dropped 0; 5 records not written.";
        Assert.Null(drained.Report);
        Assert.Equal(Expected, drained.Error);
        var error = await Assert.ThrowsAsync<EgressException>(() => egress.Completion);
        Assert.Equal(Expected, error.Message);
        Assert.Equal(2, Directory.GetFiles(_root).Length);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
