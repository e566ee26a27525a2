using ActorSim.Egress.Routing;
using ActorSim.Egress.Tests.Support;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Tests;

public class RoutersTests
{
    private static readonly SimRecord Event = SimRecord.Lifecycle(86_399.9996, new RecordKey("task-", 1), Records.Service, "queued");
    private static readonly SimRecord Sample = SimRecord.Telemetry(3, "Line_A.resources.lathe.in_use", 2.0);
    private static readonly SimRecord Lag = SimRecord.Telemetry(3, Routers.LagMetricPath, 0.01);

    [Fact]
    public void ByStreamType_should_split_events_and_telemetry()
    {
        var router = Routers.ByStreamType("events.parquet", "telemetry.parquet");

        Assert.Equal(new Route("events.parquet"), router(in Event, Records.Start));
        Assert.Equal(new Route("telemetry.parquet"), router(in Sample, Records.Start));
    }

    [Fact]
    public void DropTelemetry_and_DropLagMetric_should_drop_only_their_records()
    {
        var noTelemetry = Routers.All("x").DropTelemetry();
        var noLag = Routers.All("x").DropLagMetric();
        var prefixedLag = SimRecord.Telemetry(1, "Line_A." + Routers.LagMetricPath, 0.0);

        Assert.True(noTelemetry(in Sample, Records.Start).IsDrop);
        Assert.False(noTelemetry(in Event, Records.Start).IsDrop);
        Assert.True(noLag(in Lag, Records.Start).IsDrop);
        Assert.True(noLag(in prefixedLag, Records.Start).IsDrop);
        Assert.False(noLag(in Sample, Records.Start).IsDrop);
    }

    [Fact]
    public void ByPathIdPrefix_should_take_the_first_matching_prefix_or_the_fallback()
    {
        var router = Routers.ByPathIdPrefix("other.jsonl", ("Line_A.resources.", "resources.jsonl"), ("Line_A.", "line_a.jsonl"));
        var custom = SimRecord.Event(1, RecordKey.Of("k"), 5);

        Assert.Equal("resources.jsonl", router(in Sample, Records.Start).Destination);
        Assert.Equal("line_a.jsonl", router(in Event, Records.Start).Destination);
        Assert.Equal("other.jsonl", router(in custom, Records.Start).Destination);
        Assert.True(Routers.ByPathIdPrefix(null, ("B.", "b"))(in Sample, Records.Start).IsDrop);
    }

    [Fact]
    public void PartitionByDate_should_use_the_records_timestamp_and_reuse_strings()
    {
        var router = Routers.History().PartitionByDate();
        var nextDay = SimRecord.Lifecycle(86_400.0004, new RecordKey("task-", 2), Records.Service, "started");

        var first = router(in Event, Records.Start);
        var again = router(in Event, Records.Start);

        Assert.Equal(new Route("date=2026-01-02/events.parquet", Flatten: true), first);
        Assert.Same(first.Destination, again.Destination);
        Assert.Equal("date=2026-01-02/events.parquet", router(in nextDay, Records.Start).Destination);
        Assert.Equal("date=2025-12-31/events.parquet", router(in nextDay, Records.Start.AddDays(-2)).Destination);
    }

    [Fact]
    public async Task Date_partitions_should_become_hive_folders_on_disk()
    {
        using var temp = new TempDirectory();
        var records = Enumerable.Range(0, 4).Select(d => SimRecord.Lifecycle(d * 43_200.0, new RecordKey("task-", d), Records.Service, "queued"));
        var store = new Storage.LocalObjectStore(temp.Path);

        await Pipelines.RunAsync(records, Pipelines.Sink(store, Routers.History().PartitionByDate(), ChunkFormat.Parquet, flushInterval: 0));

        Assert.Equal(
            ["date=2026-01-01/events_000001.parquet", "date=2026-01-02/events_000001.parquet"],
            await store.ListAsync("", default));
        var rows = DuckDb.Query($"SELECT date, count(*) FROM read_parquet('{temp.Path}/*/*.parquet', hive_partitioning = true) GROUP BY 1 ORDER BY 1");
        Assert.Equal([2L, 2L], rows.Select(r => r[1]));
    }

    [Fact]
    public void Where_should_keep_only_accepted_records()
    {
        var router = Routers.All("x").Where((in SimRecord r) => r.Status == "finished");
        var finished = SimRecord.Lifecycle(1, new RecordKey("task-", 1), Records.Service, "finished");

        Assert.True(router(in Event, Records.Start).IsDrop);
        Assert.False(router(in finished, Records.Start).IsDrop);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/abs.parquet")]
    [InlineData("a/../b.parquet")]
    [InlineData("a//b.parquet")]
    public void Invalid_destination_should_be_refused(string destination)
    {
        Assert.Throws<ArgumentException>(() => Routers.All(destination));
    }
}
