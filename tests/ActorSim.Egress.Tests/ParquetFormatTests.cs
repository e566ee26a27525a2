using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Egress.Tests.Support;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Tests;

public class ParquetFormatTests
{
    private static SinkOptions Parquet(string dir, RecordRouter router, int batchSize = 500, double flushInterval = 0) =>
        Pipelines.Sink(new LocalObjectStore(dir), router, ChunkFormat.Parquet, batchSize, flushInterval);

    [Fact]
    public async Task Flattened_history_should_read_back_in_DuckDB_with_counts_by_status()
    {
        using var temp = new TempDirectory();
        var report = await Pipelines.RunAsync(Records.Mixed(1000), Parquet(temp.Path, Routers.History(), batchSize: 700));

        Assert.Equal(3000, report["test"].Written);
        Assert.Equal(2000, report["test"].Dropped);
        Assert.Equal(5, report["test"].Chunks);
        var rows = DuckDb.Query($"SELECT status, count(*) FROM read_parquet('{temp.Path}/*.parquet') GROUP BY 1 ORDER BY 1");
        Assert.Equal([["finished", 1000L], ["queued", 1000L], ["started", 1000L]], rows.Select(r => new object?[] { r[0], r[1] }));
    }

    [Fact]
    public async Task Parquet_columns_should_have_dynamic_des_names_and_real_types()
    {
        using var temp = new TempDirectory();
        await Pipelines.RunAsync(Records.Lifecycles(3), Parquet(temp.Path, Routers.History()));

        var columns = DuckDb.Query($"DESCRIBE SELECT * FROM read_parquet('{temp.Path}/events_000001.parquet')")
            .Select(r => $"{r[0]}:{r[1]}").ToList();
        Assert.Equal(["stream_type:VARCHAR", "sim_ts:DOUBLE", "timestamp:TIMESTAMP WITH TIME ZONE", "key:VARCHAR", "path_id:VARCHAR", "status:VARCHAR"], columns);
        var first = DuckDb.Query($"SELECT stream_type, sim_ts, epoch_ms(timestamp), key, path_id FROM read_parquet('{temp.Path}/*.parquet') ORDER BY sim_ts LIMIT 1").Single();
        Assert.Equal("event", first[0]);
        Assert.Equal(1.202, first[1]);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 1, 202, TimeSpan.Zero).ToUnixTimeMilliseconds(), first[2]);
        Assert.Equal("task-0", first[3]);
        Assert.Equal(Records.Service, first[4]);
    }

    [Fact]
    public async Task Unflattened_event_value_should_be_a_json_string_column()
    {
        using var temp = new TempDirectory();
        await Pipelines.RunAsync(Records.Lifecycles(1), Parquet(temp.Path, Routers.ByStreamType("events.parquet", null)));

        var values = DuckDb.Query($"SELECT value::JSON->>'status' FROM read_parquet('{temp.Path}/*.parquet') ORDER BY sim_ts").Select(r => r[0]);
        Assert.Equal(["queued", "started", "finished"], values);
    }

    [Fact]
    public async Task Telemetry_and_events_in_one_destination_should_leave_absent_columns_null()
    {
        using var temp = new TempDirectory();
        SimRecord[] records =
        [
            SimRecord.Lifecycle(1, new RecordKey("task-", 1), Records.Service, "queued"),
            SimRecord.Telemetry(2, "Line_A.q", 4.0),
        ];
        await Pipelines.RunAsync(records, Parquet(temp.Path, Routers.All("all.parquet").Flatten()));

        var rows = DuckDb.Query($"SELECT stream_type, key, path_id, status, value FROM read_parquet('{temp.Path}/*.parquet') ORDER BY sim_ts");
        Assert.Equal(new object?[] { "event", "task-1", Records.Service, "queued", null }, rows[0]);
        Assert.Equal(new object?[] { "telemetry", null, "Line_A.q", null, 4.0 }, rows[1]);
    }

    [Fact]
    public async Task Later_batch_should_widen_int64_into_a_double_column()
    {
        using var temp = new TempDirectory();
        SimRecord[] records =
        [
            SimRecord.Event(1, RecordKey.Of("a"), new Dictionary<string, object?> { ["x"] = 1.5, ["n"] = 1L }),
            SimRecord.Event(2, RecordKey.Of("b"), new Dictionary<string, object?> { ["x"] = 2, ["n"] = 2 }),
        ];
        var report = await Pipelines.RunAsync(records, Parquet(temp.Path, Routers.All("e.parquet").Flatten(), batchSize: 1));

        Assert.Equal(2, report["test"].Chunks);
        var rows = DuckDb.Query($"SELECT typeof(x), x, typeof(n) FROM read_parquet('{temp.Path}/*.parquet') ORDER BY sim_ts");
        Assert.Equal(new object?[] { "DOUBLE", 2.0, "BIGINT" }, rows[1]);
    }

    [Fact]
    public async Task Later_batch_of_another_type_should_fail_with_drift_naming_destination_and_column()
    {
        using var temp = new TempDirectory();
        SimRecord[] records =
        [
            SimRecord.Event(1, RecordKey.Of("a"), new Dictionary<string, object?> { ["n"] = 1L }),
            SimRecord.Event(2, RecordKey.Of("b"), new Dictionary<string, object?> { ["n"] = "two" }),
        ];

        var error = await Assert.ThrowsAsync<EgressException>(() =>
            Pipelines.RunAsync(records, Parquet(temp.Path, Routers.All("e.parquet").Flatten(), batchSize: 1)));

        var drift = Assert.IsType<SchemaDriftException>(error.InnerException);
        Assert.Equal(("e.parquet", "n", "int64", "string"), (drift.Destination, drift.Column, drift.Expected, drift.Found));
        Assert.Contains("Sink 'test'", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 records not written", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.RecordsNotWritten);
    }

    [Fact]
    public async Task New_column_in_a_later_batch_should_be_drift()
    {
        var store = new MemoryStore();
        SimRecord[] records =
        [
            SimRecord.Event(1, RecordKey.Of("a"), new Dictionary<string, object?> { ["n"] = 1L }),
            SimRecord.Event(2, RecordKey.Of("b"), new Dictionary<string, object?> { ["m"] = 1L }),
        ];

        var error = await Assert.ThrowsAsync<EgressException>(() =>
            Pipelines.RunAsync(records, Pipelines.Sink(store, Routers.All("e.parquet").Flatten(), ChunkFormat.Parquet, batchSize: 1)));

        var drift = Assert.IsType<SchemaDriftException>(error.InnerException);
        Assert.Equal(("m", "absent"), (drift.Column, drift.Expected));
    }

    [Theory]
    [InlineData(ParquetCompression.Snappy, "SNAPPY")]
    [InlineData(ParquetCompression.Zstd, "ZSTD")]
    [InlineData(ParquetCompression.Gzip, "GZIP")]
    public async Task Compression_should_be_the_one_asked_for(ParquetCompression compression, string codec)
    {
        using var temp = new TempDirectory();
        await Pipelines.RunAsync(Records.Lifecycles(10), Parquet(temp.Path, Routers.History()) with { Compression = compression });

        var codecs = DuckDb.Query($"SELECT DISTINCT compression FROM parquet_metadata('{temp.Path}/*.parquet')").Select(r => r[0]);
        Assert.Equal([codec], codecs);
    }

    [Fact]
    public async Task Large_batch_should_be_split_into_row_groups()
    {
        using var temp = new TempDirectory();
        await Pipelines.RunAsync(Records.Lifecycles(100), Parquet(temp.Path, Routers.History()) with { RowGroupSize = 120 });

        var groups = DuckDb.Query($"SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata('{temp.Path}/*.parquet') ORDER BY 1");
        Assert.Equal([120L, 120L, 60L], groups.Select(g => g[1]));
    }
}
