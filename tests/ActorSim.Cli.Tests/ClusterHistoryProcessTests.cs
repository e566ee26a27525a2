using System.Text.Json;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary>
/// <c>actorsim history --cluster</c> with real <c>actorsim node</c> processes on loopback: the plant's lines run on
/// the worker nodes and write the reference engine's bytes; a node hosting lines killed midway (no checkpoints) fails
/// the run naming the node and its lines, with a manifest that says failed and only whole chunks. Every process is
/// killed by the test's end, also when it fails.
/// </summary>
[Collection("cluster processes")]
public sealed class ClusterHistoryProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private static string Plant => Path.Combine(Repository.Root, "examples", "two-stage-plant.yaml");

    [Fact]
    public async Task A_plants_lines_on_two_worker_processes_write_the_reference_engines_bytes_and_snapshot()
    {
        using var folder = new TempDirectory();
        string[] history = ["history", "--model", Plant, "--start", "2026-01-01T00:00:00", "--duration", "6 hours", "--progress", "none", "--snapshot-at", "3 hours"];
        var reference = await ActorsimCommand.RunAsync([.. history, "--engine", "reference", "--dest", folder.Sub("reference"), "--snapshot-out", folder.Sub("reference.json")]);
        Assert.True(reference.ExitCode == 0, reference.Error);
        var (seedPort, otherPort) = NodePorts.Two();
        var seed = $"127.0.0.1:{seedPort}";
        using var first = CliProcess.Start("node", "--port", $"{seedPort}", "--seed-nodes", seed, "--parallelism", "1");
        using var second = CliProcess.Start("node", "--port", $"{otherPort}", "--seed-nodes", seed, "--parallelism", "1");
        await first.WaitForOutputAsync("is up", StartTimeout);
        await second.WaitForOutputAsync("is up", StartTimeout);

        var spread = await ActorsimCommand.RunAsync([.. history, "--cluster", seed, "--cluster-workers", "2", "--dest", folder.Sub("cluster"), "--snapshot-out", folder.Sub("cluster.json")]);

        Assert.True(spread.ExitCode == 0, spread.Error + spread.Output);
        Assert.Equal(ChunkFiles.Contents(folder.Sub("reference")), ChunkFiles.Contents(folder.Sub("cluster")));
        Assert.Equal(await File.ReadAllBytesAsync(folder.Sub("reference.json")), await File.ReadAllBytesAsync(folder.Sub("cluster.json")));
        Assert.Matches(@"line Assembly_4 ran on akka\.tcp://actorsim@127\.0\.0\.1:\d+: \d+ messages \([\d.]+ MB\) to the coordinator", spread.Output);
        Assert.Contains($"line Machining_1 ran on akka.tcp://actorsim@127.0.0.1:{seedPort}", spread.Output);
        Assert.Contains($"line Machining_2 ran on akka.tcp://actorsim@127.0.0.1:{otherPort}", spread.Output);
        Assert.Contains("cluster: 2 worker node(s) built the run", spread.Output);
        Assert.True(File.Exists(Path.Combine(folder.Sub("cluster"), "_SUCCESS")));
        Assert.Equal(ManifestChunks(folder.Sub("reference")), ManifestChunks(folder.Sub("cluster")));
        await first.WaitForOutputAsync("Plant run", StartTimeout);
        Assert.Contains("hosting lines Machining_1,Machining_3,Assembly_1,Assembly_3", first.Output);
    }

    [Fact]
    public async Task A_node_hosting_lines_killed_midway_fails_the_run_naming_it_and_its_lines_with_a_failed_manifest()
    {
        using var folder = new TempDirectory();
        using var nodes = await TwoQuickNodesAsync(folder);
        var (seed, victim, victimPort) = (nodes.Seed, nodes.Victim, nodes.VictimPort);

        using var client = CliProcess.Start(
            "history", "--model", Plant, "--start", "2026-01-01T00:00:00", "--duration", "60 days", "--progress", "none", "--dest", folder.Sub("out"),
            "--cluster", seed, "--cluster-workers", "2", "--cluster-config", folder.Sub("node.conf"));
        await victim.WaitForOutputAsync("hosting lines", StartTimeout);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await victim.SignalAsync("KILL");
        await client.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(client.ExitCode == 1, client.Error + client.Output);
        Assert.Contains($"worker node akka.tcp://actorsim@127.0.0.1:{victimPort}, which hosted Machining_2, Machining_4, Assembly_2, Assembly_4", client.Error);
        Assert.False(File.Exists(Path.Combine(folder.Sub("out"), "_SUCCESS")));
        using var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder.Sub("out"), "_manifest.json")));
        var run = Assert.Single(manifest.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Contains(victimPort.ToString(System.Globalization.CultureInfo.InvariantCulture), run.GetProperty("message").GetString());
        // Every chunk the manifest lists is there whole (its size); chunks are stored under a temporary name and renamed.
        foreach (var chunk in run.GetProperty("chunks").EnumerateArray())
        {
            var file = new FileInfo(Path.Combine(folder.Sub("out"), chunk.GetProperty("path").GetString()!));
            Assert.Equal(chunk.GetProperty("bytes").GetInt64(), file.Length);
        }
    }

    [Fact]
    public async Task A_node_hosting_lines_killed_midway_with_checkpoints_on_is_recovered_from_and_the_files_are_the_reference_engines()
    {
        using var folder = new TempDirectory();
        string[] history = ["history", "--model", Plant, "--start", "2026-01-01T00:00:00", "--duration", "10 days", "--progress", "none"];
        var reference = await ActorsimCommand.RunAsync([.. history, "--engine", "reference", "--dest", folder.Sub("reference")]);
        Assert.True(reference.ExitCode == 0, reference.Error);
        using var nodes = await TwoQuickNodesAsync(folder);
        var (seed, victim, seedPort, victimPort) = (nodes.Seed, nodes.Victim, nodes.SeedPort, nodes.VictimPort);

        using var client = CliProcess.Start(
            [.. history, "--dest", folder.Sub("out"), "--cluster", seed, "--cluster-workers", "2", "--cluster-config", folder.Sub("node.conf"), "--checkpoint-every", "12 hours"]);
        var checkpoints = Path.Combine(folder.Sub("out"), "_checkpoints");
        using (var deadline = new CancellationTokenSource(StartTimeout))
        {
            while (!(Directory.Exists(checkpoints) && Directory.EnumerateFiles(checkpoints).Any()))
            {
                await Task.Delay(10, deadline.Token);
            }
        }

        await victim.SignalAsync("KILL");
        await client.WaitForExitAsync(TimeSpan.FromSeconds(120));

        Assert.True(client.ExitCode == 0, client.Error + client.Output);
        Assert.Equal(ChunkFiles.Contents(folder.Sub("reference")), ChunkFiles.Contents(folder.Sub("out")));
        Assert.Equal(ManifestChunks(folder.Sub("reference")), ManifestChunks(folder.Sub("out")));
        Assert.True(File.Exists(Path.Combine(folder.Sub("out"), "_SUCCESS")));
        Assert.False(Directory.Exists(checkpoints) && Directory.EnumerateFiles(checkpoints).Any(), "the checkpoint is deleted once the run succeeded");
        Assert.Contains($"lost worker node akka.tcp://actorsim@127.0.0.1:{victimPort} (lines Machining_2, Machining_4, Assembly_2, Assembly_4)", client.Error);
        Assert.Matches(@"recovered: lost worker node .* every line went back to (the checkpoint at t=.*|the run's start) on the nodes still up, replaying .*, storing only the chunks after the checkpoint at t=", client.Output);
        Assert.Matches(@"checkpoints: \d+ taken; 1 recovery", client.Output);
        Assert.Contains($"ran on akka.tcp://actorsim@127.0.0.1:{seedPort}", client.Output);
        Assert.DoesNotContain($"ran on akka.tcp://actorsim@127.0.0.1:{victimPort}", client.Output);
    }

    [Fact]
    public async Task A_run_on_the_cluster_stopped_by_sigterm_exits_143_with_a_stopped_manifest_listing_every_chunk()
    {
        using var folder = new TempDirectory();
        var port = MotoServerFixture.FreePort();
        var seed = $"127.0.0.1:{port}";
        using var node = CliProcess.Start("node", "--port", $"{port}", "--seed-nodes", seed, "--parallelism", "1");
        await node.WaitForOutputAsync("is up", StartTimeout);

        using var client = CliProcess.Start(
            "history", "--model", Plant, "--start", "2026-01-01T00:00:00", "--duration", "60 days", "--progress", "none", "--dest", folder.Sub("out"), "--cluster", seed);
        await node.WaitForOutputAsync("hosting lines", StartTimeout);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await client.SignalAsync("TERM");
        await client.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(client.ExitCode == 143, client.Error + client.Output);
        using var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(folder.Sub("out"), "_manifest.json")));
        var run = Assert.Single(manifest.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal("stopped", run.GetProperty("status").GetString());
        Assert.Equal(ChunkFiles.Contents(folder.Sub("out")).Select(f => f.Path), run.GetProperty("chunks").EnumerateArray().Select(c => c.GetProperty("path").GetString()));
        Assert.False(File.Exists(Path.Combine(folder.Sub("out"), "_SUCCESS")));
    }

    /// <summary>
    /// Two worker processes up, the first the seed, both with quick failure detection (<c>node.conf</c> in
    /// <paramref name="folder"/>, which the client takes too); disposing them kills both.
    /// </summary>
    private static async Task<TwoNodes> TwoQuickNodesAsync(TempDirectory folder)
    {
        await File.WriteAllTextAsync(folder.Sub("node.conf"), QuickDetection.Config);
        var (seedPort, victimPort) = NodePorts.Two();
        var seed = $"127.0.0.1:{seedPort}";
        var nodes = new TwoNodes(
            seed, seedPort, victimPort,
            CliProcess.Start("node", "--port", $"{seedPort}", "--seed-nodes", seed, "--parallelism", "1", "--config", folder.Sub("node.conf")),
            CliProcess.Start("node", "--port", $"{victimPort}", "--seed-nodes", seed, "--parallelism", "1", "--config", folder.Sub("node.conf")));
        try
        {
            await nodes.First.WaitForOutputAsync("is up", StartTimeout);
            await nodes.Victim.WaitForOutputAsync("is up", StartTimeout);
            return nodes;
        }
        catch
        {
            nodes.Dispose();
            throw;
        }
    }

    /// <summary>Two node processes: the seed and the one a test kills.</summary>
    private sealed record TwoNodes(string Seed, int SeedPort, int VictimPort, CliProcess First, CliProcess Victim) : IDisposable
    {
        public void Dispose()
        {
            First.Dispose();
            Victim.Dispose();
        }
    }

    private static List<string> ManifestChunks(string root)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(root, "_manifest.json")));
        return manifest.RootElement.GetProperty("runs")[0].GetProperty("chunks").EnumerateArray()
            .Select(c => $"{c.GetProperty("path").GetString()} {c.GetProperty("sha256").GetString()}").ToList();
    }
}
