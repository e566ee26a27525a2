using System.Text;
using ActorSim.Model.Records;
using ActorSim.Snapshots.EventLogs;
using ActorSim.Snapshots.Tests.Support;

namespace ActorSim.Snapshots.Tests;

/// <summary>JSON lines in the forms other writers produce (dynamic-des, hand-edited files): any field order, escapes, zones.</summary>
public class JsonlRecordFormTests
{
    private static async Task<LoggedRecord> ReadOneAsync(string line)
    {
        var store = new MemoryStore();
        await store.PutAsync("events_000001.jsonl", Encoding.UTF8.GetBytes("\uFEFF" + line + "\r\n"), default);
        return Assert.Single(await LogFiles.ReadAllAsync(store));
    }

    [Fact]
    public async Task Fields_in_any_order_with_escapes_and_unknown_fields_should_be_read()
    {
        var r = await ReadOneAsync(
            "{\"value\":{\"extra\":[1,{\"a\":2}],\"status\":\"fin\\u0069shed\",\"path_id\":\"Line_A.service.\\\"x\\\"\"},\"k\\u0065y\":\"task-\\u00e9\",\"sim_ts\":12.5e1,\"stream_type\":\"event\",\"other\":null}");

        Assert.Equal(new LoggedRecord(RecordKind.Event, 125, null, "task-é", "Line_A.service.\"x\"", "finished", null), r);
    }

    [Theory]
    [InlineData("2026-01-01T01:02:03.004", "2026-01-01T01:02:03.0040000", DateTimeKind.Unspecified)]
    [InlineData("2026-01-01T01:02:03.004Z", "2026-01-01T01:02:03.0040000", DateTimeKind.Utc)]
    [InlineData("2026-01-01T01:02:03.004+01:30", "2025-12-31T23:32:03.0040000", DateTimeKind.Utc)]
    [InlineData("2026-01-01T01:02:03.004-05:00", "2026-01-01T06:02:03.0040000", DateTimeKind.Utc)]
    [InlineData("2026-01-01T01:02:03.004000", "2026-01-01T01:02:03.0040000", DateTimeKind.Unspecified)]
    [InlineData("2026-01-01T01:02:03", "2026-01-01T01:02:03.0000000", DateTimeKind.Unspecified)]
    [InlineData("2026-01-01T01:02:03.004000+00:00", "2026-01-01T01:02:03.0040000", DateTimeKind.Utc)]
    public async Task Timestamps_should_keep_their_instant_and_say_whether_they_are_utc(string text, string ticks, DateTimeKind kind)
    {
        var r = await ReadOneAsync($"{{\"stream_type\":\"telemetry\",\"sim_ts\":0.0,\"timestamp\":\"{text}\",\"path_id\":\"p\",\"value\":1}}");

        Assert.Equal(DateTime.Parse(ticks, System.Globalization.CultureInfo.InvariantCulture).Ticks, r.Timestamp!.Value.Ticks);
        Assert.Equal(kind, r.Timestamp.Value.Kind);
    }

    [Theory]
    [InlineData("5.0", 5.0)]
    [InlineData("1.202", 1.202)]
    [InlineData("0.1", 0.1)]
    [InlineData("-3.25", -3.25)]
    [InlineData("604799.999", 604799.999)]
    [InlineData("1e3", 1000.0)]
    [InlineData("0.12345", 0.12345)]
    [InlineData("7", 7.0)]
    public async Task Sim_ts_should_be_the_double_a_full_parse_gives(string text, double expected)
    {
        var r = await ReadOneAsync($"{{\"stream_type\":\"event\",\"sim_ts\":{text},\"key\":\"k\"}}");

        Assert.Equal(expected, r.SimTime);
    }

    [Fact]
    public async Task A_telemetry_value_of_null_should_give_no_number()
    {
        var r = await ReadOneAsync("{\"stream_type\":\"telemetry\",\"sim_ts\":1.0,\"path_id\":\"p\",\"value\":null}");

        Assert.Null(r.Number);
        Assert.Equal("p", r.PathId);
    }
}
