using System.Text;
using ActorSim.Egress;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Storage;
using ActorSim.Snapshots.EventLogs;
using ActorSim.Egress.Tests.Support;
using ActorSim.Snapshots.Tests.Support;

namespace ActorSim.Snapshots.Tests;

/// <summary>A log that cannot be read says which file, which line and what is wrong; a store's failure comes through as its own.</summary>
public class EventLogErrorTests
{
    private const string Good = "{\"stream_type\":\"event\",\"sim_ts\":1.0,\"timestamp\":\"2026-01-01T00:00:01.000\",\"key\":\"task-1\",\"path_id\":\"p\",\"status\":\"queued\"}";

    private static async Task<EventLogException> ReadFailureAsync(string path, string content)
    {
        var store = new MemoryStore();
        await store.PutAsync(path, Encoding.UTF8.GetBytes(content), default);
        return await Assert.ThrowsAsync<EventLogException>(() => LogFiles.ReadAllAsync(store));
    }

    [Fact]
    public async Task A_malformed_jsonl_line_should_be_reported_with_its_file_and_line()
    {
        var e = await ReadFailureAsync("date=2026-01-01/events_000001.jsonl", $"{Good}\n{Good}\n{{\"stream_type\":\"event\",\"sim_ts\":2.0,\"key\":\n{Good}\n");

        Assert.Equal("date=2026-01-01/events_000001.jsonl", e.File);
        Assert.Equal(3, e.Line);
        Assert.StartsWith("memory://test/date=2026-01-01/events_000001.jsonl, line 3: ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"stream_type\":\"event\",\"key\":\"task-1\"}", "has no sim_ts")]
    [InlineData("{\"sim_ts\":1.5}", "has no stream_type")]
    [InlineData("{\"stream_type\":\"metric\",\"sim_ts\":1.5}", "stream_type must be \"event\" or \"telemetry\", found \"metric\"")]
    [InlineData("{\"stream_type\":\"event\",\"sim_ts\":\"1.5\"}", "sim_ts must be a number of seconds, found String")]
    [InlineData("{\"stream_type\":\"event\",\"sim_ts\":1.5,\"timestamp\":\"yesterday\"}", "timestamp \"yesterday\" is not an ISO-8601 date and time")]
    [InlineData("[1,2]", "a record must be a JSON object, found StartArray")]
    [InlineData("{\"stream_type\":\"event\",\"sim_ts\":1.5} {}", "after a single JSON value")]
    public async Task A_record_that_is_not_one_should_say_what_is_wrong(string line, string message)
    {
        var e = await ReadFailureAsync("events_000001.jsonl", $"{Good}\n\n{line}\n");

        Assert.Equal(3, e.Line);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_parquet_file_should_be_reported_with_its_file()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        await LogFiles.WriteAsync(SampleRecords.Lifecycles(10), LogFiles.Sink(store, LogFiles.Router(ChunkFormat.Parquet, true, false), ChunkFormat.Parquet));
        var path = Path.Combine(dir.Path, "events_000001.parquet");
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);

        var e = await Assert.ThrowsAsync<EventLogException>(() => LogFiles.ReadAllAsync(store));

        Assert.Equal("events_000001.parquet", e.File);
        Assert.Contains($"{dir.Path}/events_000001.parquet is not a readable Parquet file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parquet_file_without_sim_ts_should_name_the_column()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        var fields = new Dictionary<string, object?> { ["machine"] = "lathe-2" };
        await LogFiles.WriteAsync([ActorSim.Model.Records.SimRecord.Event(1, ActorSim.Model.Records.RecordKey.Of("x"), fields)],
            LogFiles.Sink(store, Routers.All("events.parquet").Flatten(), ChunkFormat.Parquet));
        var parquet = await File.ReadAllBytesAsync(Path.Combine(dir.Path, "events_000001.parquet"));
        var renamed = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(parquet).Replace("sim_ts", "sim_tx", StringComparison.Ordinal));
        await File.WriteAllBytesAsync(Path.Combine(dir.Path, "events_000001.parquet"), renamed);

        var e = await Assert.ThrowsAsync<EventLogException>(() => LogFiles.ReadAllAsync(store));

        Assert.Contains("events_000001.parquet: there is no column sim_ts (columns: stream_type, sim_tx, timestamp, key, machine)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_store_should_fail_with_the_stores_own_error()
    {
        using var store = new S3ObjectStore(new S3StoreOptions
        {
            Bucket = "history",
            Endpoint = $"http://127.0.0.1:{MotoServerFixture.FreePort()}",
            AccessKey = "test",
            SecretKey = "test-secret",
            MaxAttempts = 1,
            RequestTimeout = TimeSpan.FromSeconds(5),
        });

        var e = await Assert.ThrowsAsync<ObjectStoreException>(() => EventLogReader.OpenAsync(store, "runs/1"));

        Assert.Contains("127.0.0.1", e.Message, StringComparison.Ordinal);
    }
}
