using System.Security.Cryptography;
using System.Text.Json;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary>What a destination holds after runs into it: one run unless asked otherwise, a manifest that says what is complete.</summary>
public class HistoryDestinationTests
{
    private static readonly string[] From2026 = ["history", "--start", "2026-01-01T00:00:00", "--progress", "none", "--batch-size", "2000"];

    [Fact]
    public async Task A_rerun_into_a_used_destination_should_be_refused_with_exit_2_and_change_nothing()
    {
        using var dir = new TempDirectory();
        var (first, _, firstError) = await ActorsimCommand.RunAsync([.. From2026, "--duration", "3 hours", "--seed", "1", "--dest", dir.Path]);
        Assert.True(first == 0, firstError);
        var before = Snapshot(dir.Path);

        var (code, _, error) = await ActorsimCommand.RunAsync([.. From2026, "--duration", "1 hour", "--seed", "2", "--dest", dir.Path]);

        Assert.Equal(2, code);
        Assert.Contains($"Destination '{dir.Path}' is not empty: it holds the output of 1 ActorSim run", error);
        Assert.Contains("seed 1, succeeded", error);
        Assert.Contains("--overwrite", error);
        Assert.Contains("--append", error);
        Assert.Equal(before, Snapshot(dir.Path));
    }

    [Fact]
    public async Task Overwrite_should_leave_only_the_new_runs_chunks_and_manifest()
    {
        using var dir = new TempDirectory();
        await ActorsimCommand.RunAsync([.. From2026, "--duration", "6 hours", "--seed", "1", "--dest", dir.Path]);
        var oldChunks = Output.ChunkNames(dir.Path).Length;

        var (code, output, error) = await ActorsimCommand.RunAsync([.. From2026, "--duration", "1 hour", "--seed", "2", "--dest", dir.Path, "--overwrite"]);

        Assert.True(code == 0, error);
        var run = Assert.Single(Output.Runs(dir.Path));
        Assert.Equal(2UL, run.GetProperty("seed").GetUInt64());
        var chunks = Output.ChunkNames(dir.Path);
        Assert.True(chunks.Length < oldChunks, $"{chunks.Length} chunks after the overwrite, {oldChunks} before");
        Assert.Equal(chunks, Output.ManifestChunks(dir.Path).Select(c => c.Split(' ')[0]));
        VerifyManifest(dir.Path);
        var latest = DuckDb.Query($"SELECT max(sim_ts) FROM read_parquet('{dir.Path}/*.parquet')");
        Assert.True(Convert.ToDouble(latest[0][0]) <= 3600, "a chunk of the earlier 6-hour run remained");
        Assert.True(File.Exists(Path.Combine(dir.Path, "_SUCCESS")));
        Assert.Contains("manifest: ", output);
    }

    [Fact]
    public async Task Append_should_add_a_run_beside_the_first_with_chunk_names_that_never_collide()
    {
        using var dir = new TempDirectory();
        await ActorsimCommand.RunAsync([.. From2026, "--duration", "2 hours", "--seed", "1", "--dest", dir.Path]);
        var firstChunks = Output.ChunkNames(dir.Path);

        var (code, _, error) = await ActorsimCommand.RunAsync([.. From2026, "--duration", "2 hours", "--seed", "2", "--dest", dir.Path, "--append"]);

        Assert.True(code == 0, error);
        var runs = Output.Runs(dir.Path);
        Assert.Equal([1UL, 2UL], runs.Select(r => r.GetProperty("seed").GetUInt64()));
        var secondId = runs[1].GetProperty("run_id").GetString()!;
        var secondChunks = runs[1].GetProperty("chunks").EnumerateArray().Select(c => c.GetProperty("path").GetString()!).ToArray();
        Assert.All(secondChunks, c => Assert.StartsWith($"events_{secondId}_", c, StringComparison.Ordinal));
        Assert.Equal(firstChunks.Concat(secondChunks).Order(StringComparer.Ordinal), Output.ChunkNames(dir.Path));
        VerifyManifest(dir.Path);
        // The same model and times with another seed: both runs' rows are there, each under its own chunk names.
        var perRun = DuckDb.Query($"SELECT filename LIKE '%events_{secondId}_%' AS second, count(*) FROM read_parquet('{dir.Path}/*.parquet', filename = true) GROUP BY 1 ORDER BY 1");
        Assert.Equal(2, perRun.Count);
        Assert.True(File.Exists(Path.Combine(dir.Path, "_SUCCESS")));
        // The query docs/egress.md gives for reading only succeeded runs.
        var listed = DuckDb.Query($"SELECT r.run_id, count(*) FROM read_json('{dir.Path}/_manifest.json') m, unnest(m.runs) AS t(r), unnest(r.chunks) AS u(c) WHERE r.status = 'succeeded' GROUP BY ALL ORDER BY 1");
        Assert.Equal([(long)firstChunks.Length, secondChunks.Length], listed.Select(r => Convert.ToInt64(r[1])));
    }

    [Fact]
    public async Task Overwrite_and_append_together_should_be_refused_as_bad_usage()
    {
        var (code, _, error) = await ActorsimCommand.RunAsync([.. From2026, "--overwrite", "--append"]);

        Assert.Equal(2, code);
        Assert.Contains("--overwrite and --append exclude each other", error);
    }

    [Fact]
    public async Task A_second_run_into_a_destination_being_written_should_be_refused_and_leave_the_first_intact()
    {
        using var dir = new TempDirectory();
        var first = Task.Run(() => ActorsimCommand.RunAsync([.. From2026, "--duration", "1 week", "--seed", "1", "--dest", dir.Path, "--engine", "reference"]));
        await Probe.UntilAsync(() => Task.FromResult(File.Exists(Path.Combine(dir.Path, "_actorsim.lock")) || first.IsCompleted), TimeSpan.FromSeconds(60), () => "the first run never took the lock");
        Assert.False(first.IsCompleted, "the first run ended before the second could race it");

        var (code, _, error) = await ActorsimCommand.RunAsync([.. From2026, "--duration", "1 hour", "--seed", "2", "--dest", dir.Path, "--overwrite"]);
        var (firstCode, _, firstError) = await first;

        Assert.True(code == 2, error);
        Assert.Contains($"Destination '{dir.Path}' is in use by run", error);
        Assert.Contains($"process {Environment.ProcessId}", error);
        Assert.True(firstCode == 0, firstError);
        Assert.Equal(1UL, Assert.Single(Output.Runs(dir.Path)).GetProperty("seed").GetUInt64());
        VerifyManifest(dir.Path);
    }

    [Fact]
    public async Task A_killed_run_should_leave_a_destination_that_is_visibly_incomplete_and_that_overwrite_cleans()
    {
        using var dir = new TempDirectory();
        using (var killed = CliProcess.Start("history", "--start", "2026-01-01T00:00:00", "--progress", "none", "--duration", "52 weeks", "--engine", "reference", "--batch-size", "2000", "--dest", dir.Path))
        {
            await Probe.UntilAsync(() => Task.FromResult(Directory.GetFiles(dir.Path, "events_*").Length >= 3 || killed.HasExited), TimeSpan.FromSeconds(60), () => "no chunks came");
            Assert.False(killed.HasExited, killed.Error);
            await killed.SignalAsync("KILL"); // No handler runs.
            await killed.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.False(File.Exists(Path.Combine(dir.Path, "_manifest.json")));
        Assert.False(File.Exists(Path.Combine(dir.Path, "_SUCCESS")));
        var (refused, _, refusal) = await ActorsimCommand.RunAsync([.. From2026, "--duration", "1 hour", "--dest", dir.Path]);
        Assert.Equal(2, refused);
        Assert.Contains("That process is gone: run with --overwrite", refusal);

        var (code, _, error) = await ActorsimCommand.RunAsync([.. From2026, "--duration", "1 hour", "--dest", dir.Path, "--overwrite"]);

        Assert.True(code == 0, error);
        Assert.Empty(Directory.GetFiles(dir.Path, ".*", SearchOption.AllDirectories));
        Assert.Equal(Output.ChunkNames(dir.Path), Output.ManifestChunks(dir.Path).Select(c => c.Split(' ')[0]));
        VerifyManifest(dir.Path);
    }

    [Fact]
    public async Task A_run_that_fails_mid_way_should_leave_a_manifest_that_says_so_and_lists_exactly_its_whole_chunks()
    {
        using var dir = new TempDirectory();
        var run = Task.Run(() => ActorsimCommand.RunAsync([.. From2026, "--duration", "4 weeks", "--partition-by-date", "--engine", "reference", "--dest", dir.Path]));
        // Once the run has passed its emptiness check and written its first chunk, a file where day 10's folder must go:
        // the store fails there, as on a full disk.
        var firstDay = Path.Combine(dir.Path, "date=2026-01-01");
        await Probe.UntilAsync(() => Task.FromResult((Directory.Exists(firstDay) && Directory.EnumerateFiles(firstDay).Any()) || run.IsCompleted), TimeSpan.FromSeconds(60), () => "the run wrote no chunk");
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "date=2026-01-10"), "in the way");

        var (code, output, error) = await run;

        Assert.True(code == 1, error);
        Assert.Contains("manifest: ", output);
        var entry = Assert.Single(Output.Runs(dir.Path));
        Assert.Equal("failed", entry.GetProperty("status").GetString());
        Assert.Contains("date=2026-01-10", entry.GetProperty("message").GetString());
        Assert.False(File.Exists(Path.Combine(dir.Path, "_SUCCESS")));
        var stored = Directory.GetFiles(dir.Path, "events_*.parquet", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir.Path, f)).Order(StringComparer.Ordinal);
        Assert.Equal(stored, entry.GetProperty("chunks").EnumerateArray().Select(c => c.GetProperty("path").GetString()));
        Assert.True(stored.Count() >= 9, $"only {stored.Count()} chunks before day 10");
        Assert.Empty(Directory.GetFiles(dir.Path, ".*", SearchOption.AllDirectories));
        VerifyManifest(dir.Path);

        // The sink's counts as taken after the run stopped: every record published is written, dropped or not written.
        var sink = Assert.Single(entry.GetProperty("sinks").EnumerateArray());
        var rows = entry.GetProperty("chunks").EnumerateArray().Sum(c => c.GetProperty("rows").GetInt64());
        Assert.Equal(rows, sink.GetProperty("written").GetInt64());
        Assert.Equal(JsonValueKind.Number, sink.GetProperty("published").ValueKind);
        Assert.True(sink.GetProperty("published").GetInt64() > rows + sink.GetProperty("dropped").GetInt64(), sink.ToString());
    }

    /// <summary>Every chunk the manifest lists is there with its size and SHA-256, and DuckDB counts its rows.</summary>
    private static void VerifyManifest(string folder)
    {
        foreach (var run in Output.Runs(folder))
        {
            foreach (var chunk in run.GetProperty("chunks").EnumerateArray())
            {
                var path = Path.Combine(folder, chunk.GetProperty("path").GetString()!);
                var bytes = File.ReadAllBytes(path);
                Assert.Equal(chunk.GetProperty("bytes").GetInt64(), bytes.Length);
                Assert.Equal(chunk.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
                Assert.Equal(chunk.GetProperty("rows").GetInt64(), Convert.ToInt64(DuckDb.Query($"SELECT count(*) FROM read_parquet('{path}')")[0][0]));
            }
        }
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));
}
