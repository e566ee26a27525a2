using ActorSim.Egress.Routing;
using ActorSim.Egress.Tests.Support;
using static ActorSim.Egress.Tests.Support.WorkerSteps;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Tests;

/// <summary>The written + dropped = published check: a report asked for while records are missing fails, naming how many.</summary>
public sealed class SinkAccountingTests
{
    [Fact]
    public async Task Report_should_fail_naming_sink_counts_and_missing_records_when_a_host_reports_before_storing_everything()
    {
        var worker = SinkWorker.ForSinks(Records.Start, [Pipelines.Sink(new MemoryStore(), Routers.History("e.jsonl"), batchSize: 10, flushInterval: 0)]).Single();
        // 50 records: 30 lifecycle events in three full batches (stored) and 20 telemetry and lag samples (dropped).
        AddAll(worker, Records.Mixed(10));
        await StoreAllAsync(worker);
        // Five more events sit in a partly filled batch that the host never flushed.
        AddAll(worker, Records.Lifecycles(2).Take(5));

        var error = Assert.Throws<EgressException>(() => worker.Report(TimeSpan.Zero));

        Assert.Equal("Sink 'test' accounting failed: published 55, written 30, dropped 20; 5 records not written.", error.Message);
        Assert.Equal(("test", 5L), (error.SinkName, error.RecordsNotWritten));
    }

    [Fact]
    public async Task Report_should_pass_once_the_missing_records_are_stored()
    {
        var worker = SinkWorker.ForSinks(Records.Start, [Pipelines.Sink(new MemoryStore(), Routers.History("e.jsonl"), batchSize: 10, flushInterval: 0)]).Single();
        AddAll(worker, Records.Mixed(10));
        AddAll(worker, Records.Lifecycles(2).Take(5));
        await StoreAllAsync(worker);
        Assert.Throws<EgressException>(() => worker.Report(TimeSpan.Zero));

        worker.FlushAll();
        await StoreAllAsync(worker);
        var report = worker.Report(TimeSpan.Zero);

        Assert.Equal((55L, 35L, 20L, 0L), (report.Published, report.Written, report.Dropped, report.NotWritten));
        var destination = Assert.Single(report.Destinations);
        Assert.Equal(("e.jsonl", 35L, 35L, 4), (destination.Destination, destination.Published, destination.Written, destination.Chunks));
    }

    [Fact]
    public void Report_should_fail_for_a_batch_queued_but_never_stored()
    {
        var worker = SinkWorker.ForSinks(Records.Start, [Pipelines.Sink(new MemoryStore(), Routers.All("events.jsonl"), batchSize: 10, flushInterval: 0)]).Single();
        AddAll(worker, Records.Lifecycles(4));
        worker.FlushAll();

        var error = Assert.Throws<EgressException>(() => worker.Report(TimeSpan.Zero));

        Assert.Equal("Sink 'test' accounting failed: published 12, written 0, dropped 0; 12 records not written.", error.Message);
        Assert.Equal(12, error.RecordsNotWritten);
    }
}
