using System.Text.Json;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

public class HistoryCommandTests
{
    private static readonly string[] From2026 = ["history", "--start", "2026-01-01T00:00:00", "--progress", "none"];

    [Fact]
    public async Task History_should_write_one_day_of_the_reference_model_with_every_lifecycle_in_order()
    {
        using var dir = new TempDirectory();

        var (code, output, error) = await ActorsimCommand.RunAsync([.. From2026, "--duration", "1 day", "--dest", dir.Path]);

        Assert.True(code == 0, error);
        var glob = $"'{dir.Path}/events_*.parquet'";
        var counts = DuckDb.Query($"SELECT status, count(*) FROM read_parquet({glob}) GROUP BY status ORDER BY status")
            .ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1]));
        var queued = counts["queued"];

        // About 2 arrivals a second for a day; 4 lathes at 100 % utilization leave a drifting queue.
        Assert.InRange(queued, 172_800 * 0.98, 172_800 * 1.02);
        Assert.True(counts["started"] <= queued && counts["finished"] <= counts["started"]);
        Assert.InRange(counts["started"] - counts["finished"], 0, 4);
        var outOfOrder = DuckDb.Query($"""
            SELECT count(*) FROM (
              SELECT key,
                     min(CASE WHEN status = 'queued' THEN sim_ts END) AS q,
                     min(CASE WHEN status = 'started' THEN sim_ts END) AS s,
                     min(CASE WHEN status = 'finished' THEN sim_ts END) AS f,
                     count(*) AS n
              FROM read_parquet({glob}) GROUP BY key)
            WHERE q IS NULL OR s < q OR f < s OR (f IS NOT NULL AND s IS NULL) OR n > 3
            """);
        Assert.Equal(0L, Convert.ToInt64(outOfOrder[0][0]));
        Assert.Contains($"events.parquet: {counts.Values.Sum():N0} of {counts.Values.Sum():N0} written", output);
    }

    [Fact]
    public async Task History_should_write_dynamic_des_field_names_in_jsonl()
    {
        using var dir = new TempDirectory();

        var (code, _, error) = await ActorsimCommand.RunAsync([.. From2026, "--duration", "1 hour", "--format", "jsonl", "--dest", dir.Path]);

        Assert.True(code == 0, error);
        var first = File.ReadLines(Path.Combine(dir.Path, "events_000001.jsonl")).First();
        using var json = JsonDocument.Parse(first);
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["stream_type", "sim_ts", "timestamp", "key", "path_id", "status"], names);
        Assert.Equal("event", json.RootElement.GetProperty("stream_type").GetString());
        Assert.Equal("task-0", json.RootElement.GetProperty("key").GetString());
        Assert.Equal("queued", json.RootElement.GetProperty("status").GetString());
        Assert.StartsWith("2026-01-01T00:00:0", json.RootElement.GetProperty("timestamp").GetString());
    }

    [Fact]
    public async Task History_should_write_byte_identical_files_for_the_same_seed()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();

        await ActorsimCommand.RunAsync([.. From2026, "--duration", "3 hours", "--batch-size", "2000", "--dest", a.Path]);
        await ActorsimCommand.RunAsync([.. From2026, "--duration", "3 hours", "--batch-size", "2000", "--dest", b.Path]);

        var names = Output.ChunkNames(a.Path);
        Assert.True(names.Length > 5);
        Assert.Equal(names, Output.ChunkNames(b.Path));
        Assert.Equal(Output.ManifestChunks(a.Path), Output.ManifestChunks(b.Path));
        foreach (var name in names)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, name!)), File.ReadAllBytes(Path.Combine(b.Path, name!)));
        }
    }

    [Fact]
    public async Task History_with_another_seed_should_write_other_records()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();

        await ActorsimCommand.RunAsync([.. From2026, "--duration", "1 hour", "--format", "jsonl", "--dest", a.Path]);
        await ActorsimCommand.RunAsync([.. From2026, "--duration", "1 hour", "--format", "jsonl", "--seed", "7", "--dest", b.Path]);

        Assert.NotEqual(File.ReadAllText(Path.Combine(a.Path, "events_000001.jsonl")), File.ReadAllText(Path.Combine(b.Path, "events_000001.jsonl")));
    }

    [Fact]
    public async Task Keep_telemetry_and_partition_by_date_should_split_datasets_into_date_folders()
    {
        using var dir = new TempDirectory();

        var (code, _, error) = await ActorsimCommand.RunAsync([.. From2026, "--duration", "2 days", "--keep-telemetry", "--partition-by-date", "--dest", dir.Path]);

        Assert.True(code == 0, error);
        Assert.True(Directory.Exists(Path.Combine(dir.Path, "date=2026-01-01")));
        Assert.True(Directory.Exists(Path.Combine(dir.Path, "date=2026-01-02")));
        var telemetry = DuckDb.Query($"SELECT count(*), count(DISTINCT path_id) FROM read_parquet('{dir.Path}/date=*/telemetry_*.parquet')");

        // One sample of 4 metrics every 60 s over 2 days, starting at time 0.
        Assert.Equal(4L * 2 * 1440, Convert.ToInt64(telemetry[0][0]));
        Assert.Equal(4L, Convert.ToInt64(telemetry[0][1]));
    }

    [Fact]
    public async Task Dest_path_environment_variable_should_choose_the_folder()
    {
        using var dir = new TempDirectory();
        var environment = new System.Collections.Hashtable { ["DEST_PATH"] = dir.Sub("from-env") };

        var (code, _, error) = await ActorsimCommand.RunAsync(environment, [.. From2026, "--duration", "10 mins"]);

        Assert.True(code == 0, error);
        Assert.NotEmpty(Directory.GetFiles(dir.Sub("from-env"), "events_*.parquet"));
    }
}
