using System.Text.Json.Nodes;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary><c>actorsim forecast --keep-records DEST</c>: each replication's records, as history writes them, under <c>replication=&lt;i&gt;/</c>.</summary>
public class ForecastRecordsTests
{
    [Fact]
    public async Task Each_replications_records_are_the_tasks_its_kpis_counted()
    {
        using var folder = new TempDirectory();

        var (code, output, error) = await ActorsimCommand.RunAsync(
            ["forecast", "--horizon", "20 mins", "--replications", "3", "--seed", "7", "--out", folder.Sub("fc"), "--keep-records", folder.Sub("rec"),
             "--what-if", "Line_A.resources.lathe.current_cap=6"]);

        Assert.True(code == 0, error);
        Assert.Contains($"records: {folder.Sub("rec")}/replication=<i>/", output);
        // The baseline's replications only: a what-if scenario writes no records.
        Assert.Equal(["replication=0", "replication=1", "replication=2"], Directory.GetDirectories(folder.Sub("rec")).Select(d => Path.GetFileName(d)!).Order().ToArray());
        Assert.True(ChunkFiles.AssertWhole(folder.Sub("rec")) >= 3);
        Assert.True(File.Exists(Path.Combine(folder.Sub("rec"), "_SUCCESS")));
        var kpis = DuckDb.Query($"SELECT replication, throughput, wip_end FROM read_parquet('{folder.Sub("fc")}/replications.parquet') WHERE scenario = 'baseline' ORDER BY replication");
        Assert.Equal(3, kpis.Count);
        foreach (var row in kpis)
        {
            var records = $"{folder.Sub("rec")}/replication={row[0]}/*.parquet";
            var finished = Convert.ToInt64(DuckDb.Query($"SELECT count(*) FROM read_parquet('{records}') WHERE status = 'finished'")[0][0]);
            var entered = Convert.ToInt64(DuckDb.Query($"SELECT count(DISTINCT key) FROM read_parquet('{records}') WHERE status = 'queued'")[0][0]);
            Assert.Equal(Convert.ToDouble(row[1]), finished);
            Assert.Equal(Convert.ToDouble(row[2]), entered - finished);
        }
    }

    [Fact]
    public async Task Kept_records_are_the_same_bytes_on_one_and_two_workers()
    {
        using var folder = new TempDirectory();
        var run = await ActorsimCommand.RunAsync(
            ["history", "--engine", "reference", "--start", "2026-01-01T00:00:00", "--duration", "1 hour", "--dest", folder.Sub("log"), "--progress", "none",
             "--snapshot-at", "1 hour", "--snapshot-out", folder.Sub("snap.json")]);
        Assert.True(run.ExitCode == 0, run.Error);
        string[] common = ["forecast", "--snapshot", folder.Sub("snap.json"), "--horizon", "10 mins", "--replications", "4"];

        var one = await ActorsimCommand.RunAsync([.. common, "--parallelism", "1", "--out", folder.Sub("one"), "--keep-records", folder.Sub("rec-one")]);
        var two = await ActorsimCommand.RunAsync([.. common, "--parallelism", "2", "--out", folder.Sub("two"), "--keep-records", folder.Sub("rec-two")]);

        Assert.True(one.ExitCode == 0, one.Error);
        Assert.True(two.ExitCode == 0, two.Error);
        var chunksOne = Chunks(folder.Sub("rec-one"));
        Assert.NotEmpty(chunksOne);
        Assert.Equal(chunksOne, Chunks(folder.Sub("rec-two")));
        // The records start where the snapshot was taken: the first is at 01:00 on the snapshot's day.
        var first = DuckDb.Query($"SELECT min(timestamp) FROM read_parquet('{folder.Sub("rec-one")}/replication=0/*.parquet')")[0][0];
        Assert.Equal(new DateTime(2026, 1, 1, 1, 0, 0), Convert.ToDateTime(first).AddTicks(-(Convert.ToDateTime(first).Ticks % TimeSpan.TicksPerMinute)));
    }

    [Fact]
    public async Task A_destination_that_holds_records_is_refused_unless_overwrite()
    {
        using var folder = new TempDirectory();
        string[] args = ["forecast", "--horizon", "5 mins", "--replications", "2", "--out", folder.Sub("fc"), "--keep-records", folder.Sub("rec")];
        var first = await ActorsimCommand.RunAsync(args);
        Assert.True(first.ExitCode == 0, first.Error);
        File.Delete(Path.Combine(folder.Sub("fc"), "summary.json"));

        var again = await ActorsimCommand.RunAsync(args);
        var overwritten = await ActorsimCommand.RunAsync([.. args, "--overwrite"]);

        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--keep-records", again.Error);
        Assert.Contains(folder.Sub("rec"), again.Error);
        Assert.True(overwritten.ExitCode == 0, overwritten.Error);
    }

    /// <summary>The chunks a manifest lists: path, rows and SHA-256, in order.</summary>
    private static string[] Chunks(string destination) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(destination, "_manifest.json")))!["runs"]![0]!["chunks"]!.AsArray()
            .Select(c => $"{c!["path"]} {c["rows"]} {c["sha256"]}").ToArray();
}
