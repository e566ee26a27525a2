using System.Security.Cryptography;
using System.Text;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Reports;
using ActorSim.Egress.Storage;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Egress.Tests;

public class DestinationSessionTests
{
    private static RunDescription Run(string id = "run-1", ulong seed = 1) =>
        new(id, "Line_A", "builtin:Line_A"u8.ToArray(), seed, new DateTime(2026, 1, 1), 3600, "reference");

    private static void Log(DestinationSession session, string path, long rows, string content, string line = "Line_A", string sink = "history", string prefix = "") =>
        session.ChunkLogFor(line, prefix).Stored(new StoredChunk(sink, path, rows, content.Length, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))));

    [Fact]
    public async Task An_empty_destination_should_get_a_manifest_listing_every_chunk_and_a_success_marker()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        var session = await DestinationSession.OpenAsync(store, dir.Path, WriteMode.New, Run(), CancellationToken.None);
        Assert.True(File.Exists(Path.Combine(dir.Path, DestinationSession.LockFile)));
        Log(session, "events_000002.parquet", 3, "bbb");
        Log(session, "events_000001.parquet", 5, "aaaaa");
        var report = new SinkReport("history", 10, 8, 2, []);

        var entry = await session.CompleteAsync(RunStatus.Succeeded, null, [("Line_A", report)], CancellationToken.None);

        Assert.Equal(["events_000001.parquet", "events_000002.parquet"], entry.Chunks.Select(c => c.Path));
        Assert.Equal(new ManifestSink("Line_A", "history", 10, 8, 2, 2, 8), Assert.Single(entry.Sinks));
        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData("builtin:Line_A"u8)), entry.ModelHash);
        var manifest = await DestinationSession.ReadManifestAsync(store, CancellationToken.None);
        Assert.Equal("run-1", Assert.Single(manifest!.Runs).RunId);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData("aaaaa"u8)), manifest.Runs[0].Chunks[0].Sha256);
        Assert.True(File.Exists(Path.Combine(dir.Path, DestinationSession.SuccessFile)));
        Assert.False(File.Exists(Path.Combine(dir.Path, DestinationSession.LockFile)));
        var json = await File.ReadAllTextAsync(Path.Combine(dir.Path, DestinationSession.ManifestFile));
        Assert.Contains("\"status\": \"succeeded\"", json);
        Assert.Contains("\"run_id\": \"run-1\"", json);
    }

    [Fact]
    public async Task A_stopped_run_should_get_a_manifest_that_says_so_and_no_success_marker()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        var session = await DestinationSession.OpenAsync(store, dir.Path, WriteMode.New, Run(), CancellationToken.None);
        Log(session, "events_000001.parquet", 5, "aaaaa");

        var entry = await session.CompleteAsync(RunStatus.Stopped, "stopped on request", null, CancellationToken.None);

        Assert.Equal(RunStatus.Stopped, entry.Status);
        Assert.Null(Assert.Single(entry.Sinks).Published);
        Assert.False(File.Exists(Path.Combine(dir.Path, DestinationSession.SuccessFile)));
        Assert.Contains("\"status\": \"stopped\"", await File.ReadAllTextAsync(Path.Combine(dir.Path, DestinationSession.ManifestFile)));
    }

    [Fact]
    public async Task A_destination_holding_files_should_be_refused_naming_it_and_what_it_holds()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "events_000001.parquet"), "x");

        var e = await Assert.ThrowsAsync<DestinationException>(() =>
            DestinationSession.OpenAsync(new LocalObjectStore(dir.Path), "out", WriteMode.New, Run(), CancellationToken.None));

        Assert.Contains("Destination 'out' is not empty", e.Message);
        Assert.Contains("1 chunk file that no manifest lists", e.Message);
        Assert.Contains("--overwrite", e.Message);
        Assert.False(File.Exists(Path.Combine(dir.Path, DestinationSession.LockFile)));
    }

    [Fact]
    public async Task A_destination_locked_by_a_live_run_should_be_refused_even_with_overwrite()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        var first = await DestinationSession.OpenAsync(store, "out", WriteMode.New, Run("run-1"), CancellationToken.None);

        var e = await Assert.ThrowsAsync<DestinationException>(() => DestinationSession.OpenAsync(store, "out", WriteMode.Overwrite, Run("run-2"), CancellationToken.None));

        Assert.Contains("is in use by run run-1", e.Message);
        Assert.Contains($"process {Environment.ProcessId}", e.Message);
        await first.CompleteAsync(RunStatus.Succeeded, null, null, CancellationToken.None);
        Assert.Equal("run-1", Assert.Single((await DestinationSession.ReadManifestAsync(store, CancellationToken.None))!.Runs).RunId);
    }

    [Fact]
    public async Task Overwrite_should_take_over_the_lock_of_a_dead_process_and_remove_its_leftovers_and_chunks()
    {
        using var dir = new TempDirectory();
        var deadPid = DeadProcessId();
        await File.WriteAllTextAsync(Path.Combine(dir.Path, DestinationSession.LockFile),
            $$"""{"run_id":"killed","host":"{{Environment.MachineName}}","pid":{{deadPid}},"since":"2026-01-01T00:00:00Z"}""");
        Directory.CreateDirectory(Path.Combine(dir.Path, "date=2026-01-01"));
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "date=2026-01-01", "events_000001.parquet"), "x");
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "date=2026-01-01", ".events_000002.parquet.4242.tmp"), "half");
        var store = new LocalObjectStore(dir.Path);

        var refused = await Assert.ThrowsAsync<DestinationException>(() => DestinationSession.OpenAsync(store, "out", WriteMode.New, Run("run-2"), CancellationToken.None));
        Assert.Contains("That process is gone: run with --overwrite", refused.Message);

        var session = await DestinationSession.OpenAsync(store, "out", WriteMode.Overwrite, Run("run-2"), CancellationToken.None);
        await session.CompleteAsync(RunStatus.Succeeded, null, null, CancellationToken.None);

        Assert.Equal([DestinationSession.SuccessFile, DestinationSession.ManifestFile], Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "date=2026-01-01")));
    }

    [Fact]
    public async Task Overwrite_should_refuse_a_destination_with_files_ActorSim_did_not_write_and_remove_nothing()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "notes.txt"), "mine");
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "events_000001.parquet"), "x");

        var e = await Assert.ThrowsAsync<DestinationException>(() =>
            DestinationSession.OpenAsync(new LocalObjectStore(dir.Path), "out", WriteMode.Overwrite, Run(), CancellationToken.None));

        Assert.Contains("'notes.txt'", e.Message);
        Assert.True(File.Exists(Path.Combine(dir.Path, "events_000001.parquet")));
        Assert.True(File.Exists(Path.Combine(dir.Path, "notes.txt")));
    }

    [Fact]
    public async Task Append_should_keep_earlier_runs_in_the_manifest_and_give_the_new_run_a_chunk_tag()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        var first = await DestinationSession.OpenAsync(store, "out", WriteMode.Append, Run("run-1"), CancellationToken.None);
        Assert.Null(first.ChunkTag);
        await store.PutAsync("events_000001.parquet", "aaaaa"u8.ToArray(), CancellationToken.None);
        Log(first, "events_000001.parquet", 5, "aaaaa");
        await first.CompleteAsync(RunStatus.Succeeded, null, null, CancellationToken.None);

        var second = await DestinationSession.OpenAsync(store, "out", WriteMode.Append, Run("run-2", seed: 2), CancellationToken.None);
        Assert.False(File.Exists(Path.Combine(dir.Path, DestinationSession.SuccessFile)));
        Assert.Equal("run-2", second.ChunkTag);
        Log(second, "events_run-2_000001.parquet", 3, "bbb");
        await second.CompleteAsync(RunStatus.Succeeded, null, null, CancellationToken.None);

        var manifest = await DestinationSession.ReadManifestAsync(store, CancellationToken.None);
        Assert.Equal(["run-1", "run-2"], manifest!.Runs.Select(r => r.RunId));
        Assert.Equal("events_run-2_000001.parquet", Assert.Single(manifest.Runs[1].Chunks).Path);
        Assert.True(File.Exists(Path.Combine(dir.Path, DestinationSession.SuccessFile)));
    }

    [Fact]
    public async Task Append_should_refuse_a_destination_whose_last_run_was_stopped()
    {
        using var dir = new TempDirectory();
        var store = new LocalObjectStore(dir.Path);
        var first = await DestinationSession.OpenAsync(store, "out", WriteMode.New, Run("run-1"), CancellationToken.None);
        await first.CompleteAsync(RunStatus.Stopped, "stopped", null, CancellationToken.None);

        var e = await Assert.ThrowsAsync<DestinationException>(() => DestinationSession.OpenAsync(store, "out", WriteMode.Append, Run("run-2"), CancellationToken.None));

        Assert.Contains("run run-1, which was stopped before its end", e.Message);
        Assert.Contains("--overwrite", e.Message);
    }

    [Fact]
    public async Task Append_should_refuse_chunks_that_no_manifest_lists()
    {
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "events_000463.jsonl"), "{}");

        var e = await Assert.ThrowsAsync<DestinationException>(() =>
            DestinationSession.OpenAsync(new LocalObjectStore(dir.Path), "out", WriteMode.Append, Run(), CancellationToken.None));

        Assert.Contains("1 chunk file(s) no manifest lists (e.g. 'events_000463.jsonl'", e.Message);
    }

    [Fact]
    public async Task Chunk_paths_should_be_relative_to_the_destination_through_the_line_folder()
    {
        using var dir = new TempDirectory();
        var session = await DestinationSession.OpenAsync(new LocalObjectStore(dir.Path), "out", WriteMode.New, Run(), CancellationToken.None);
        Log(session, "events_000001.parquet", 1, "a", line: "Mill", prefix: "line=Mill/");
        Log(session, "events_000001.parquet", 2, "bb", line: "Pack", prefix: "line=Pack/");

        var entry = await session.CompleteAsync(RunStatus.Failed, "boom", null, CancellationToken.None);

        Assert.Equal(["line=Mill/events_000001.parquet", "line=Pack/events_000001.parquet"], entry.Chunks.Select(c => c.Path));
        Assert.Equal(["Mill", "Pack"], entry.Sinks.Select(s => s.Line));
        Assert.Equal("boom", entry.Message);
    }

    /// <summary>The id of a process that has exited: a child started and waited for.</summary>
    private static int DeadProcessId()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
