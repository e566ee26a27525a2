using System.Text;
using System.Text.Json;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Tests.Support;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Tests;

public class JsonlFormatTests
{
    private static List<string> Names(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToList();

    [Fact]
    public async Task Lifecycle_event_should_have_dynamic_des_fields_in_order()
    {
        var store = new MemoryStore();
        await Pipelines.RunAsync(Records.Lifecycles(1).Take(1), Pipelines.Sink(store, Routers.All("events.jsonl")));

        var line = Encoding.UTF8.GetString(store.Objects["events_000001.jsonl"]);
        Assert.Equal(
            """{"stream_type":"event","sim_ts":1.202,"timestamp":"2026-01-01T00:00:01.202","key":"task-0","value":{"path_id":"Line_A.service.milling","status":"queued"}}""" + "\n",
            line);
    }

    [Fact]
    public async Task Flattened_lifecycle_should_have_path_id_and_status_columns()
    {
        var store = new MemoryStore();
        await Pipelines.RunAsync(Records.Lifecycles(2), Pipelines.Sink(store, Routers.History("events.jsonl")));

        var rows = Pipelines.JsonLines(store);
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal(["stream_type", "sim_ts", "timestamp", "key", "path_id", "status"], Names(r)));
        Assert.Equal(["queued", "started", "finished", "queued", "started", "finished"], rows.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("task-1", rows[3].GetProperty("key").GetString());
    }

    [Fact]
    public async Task Telemetry_should_have_path_id_and_value_and_nan_as_null()
    {
        var store = new MemoryStore();
        SimRecord[] records =
        [
            SimRecord.Telemetry(0.0004, "Line_A.resources.lathe.in_use", 3.5),
            SimRecord.Telemetry(1.0005, "Line_A.x", double.NaN),
            SimRecord.Telemetry(2, "Line_A.flag", (object)true),
        ];
        await Pipelines.RunAsync(records, Pipelines.Sink(store, Routers.All("t.jsonl"), flushInterval: 0));

        var rows = Pipelines.JsonLines(store);
        Assert.Equal(["stream_type", "sim_ts", "timestamp", "path_id", "value"], Names(rows[0]));
        Assert.Equal("telemetry", rows[0].GetProperty("stream_type").GetString());
        Assert.Equal(0.0, rows[0].GetProperty("sim_ts").GetDouble());
        Assert.Equal(3.5, rows[0].GetProperty("value").GetDouble());
        Assert.Equal(1.0, rows[1].GetProperty("sim_ts").GetDouble());
        Assert.Equal("2026-01-01T00:00:01.000", rows[1].GetProperty("timestamp").GetString());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("value").ValueKind);
        Assert.True(rows[2].GetProperty("value").GetBoolean());
    }

    [Fact]
    public async Task Utc_start_should_write_timestamps_with_Z()
    {
        var store = new MemoryStore();
        var start = new DateTime(2026, 1, 1, 23, 59, 59, DateTimeKind.Utc);
        SimRecord[] records = [SimRecord.Telemetry(1.5, "a", 1.0), SimRecord.Telemetry(61.25, "a", 1.0)];
        await Pipelines.RunAsync(start, records, Pipelines.Sink(store, Routers.All("t.jsonl"), flushInterval: 0));

        var rows = Pipelines.JsonLines(store);
        Assert.Equal("2026-01-02T00:00:00.500Z", rows[0].GetProperty("timestamp").GetString());
        Assert.Equal("2026-01-02T00:01:00.250Z", rows[1].GetProperty("timestamp").GetString());
    }

    [Fact]
    public async Task Custom_event_value_should_flatten_its_keys_or_stay_nested()
    {
        var store = new MemoryStore();
        var value = new Dictionary<string, object?> { ["part"] = "gear", ["count"] = 3, ["weight"] = 1.5 };
        SimRecord[] records = [SimRecord.Event(5, RecordKey.Of("order-7"), value)];
        await Pipelines.RunAsync(records,
            Pipelines.Sink(store, Routers.All("flat.jsonl").Flatten()),
            Pipelines.Sink(store, Routers.All("nested.jsonl")) with { Name = "nested" });

        var flat = Pipelines.JsonLines(store, "flat").Single();
        Assert.Equal(["stream_type", "sim_ts", "timestamp", "key", "part", "count", "weight"], Names(flat));
        Assert.Equal(3, flat.GetProperty("count").GetInt64());
        var nested = Pipelines.JsonLines(store, "nested").Single();
        Assert.Equal("gear", nested.GetProperty("value").GetProperty("part").GetString());
        Assert.Equal("order-7", nested.GetProperty("key").GetString());
    }
}
