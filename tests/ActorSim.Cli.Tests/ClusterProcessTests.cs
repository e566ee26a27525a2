using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary>
/// <c>actorsim node</c> and <c>actorsim forecast --cluster</c> as real processes on loopback: two worker nodes, a
/// forecast that loses one of them to SIGKILL midway and still writes the local forecast's bytes, and a node that
/// leaves on SIGTERM with exit code 0; the split brain resolver downs the dead node. Every process is killed by the test's end, also when it fails.
/// </summary>
[Collection("cluster processes")]
public sealed class ClusterProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A dead node is unreachable within about 5 s and downed 8 s later (the embedded defaults are 10 s and 20 s): quick
    /// enough for a test, slow enough that a test process starved of CPU on a busy 2-core machine is not taken for dead.
    /// </summary>
    private const string QuickDetection = """
        akka.cluster.failure-detector {
          heartbeat-interval = 500ms
          acceptable-heartbeat-pause = 4s
        }
        akka.cluster.split-brain-resolver.stable-after = 8s
        """;

    [Fact]
    public async Task A_forecast_on_two_worker_processes_survives_one_killed_midway_and_writes_the_local_bytes()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.Sub("node.conf"), QuickDetection);
        var run = await ActorsimCommand.RunAsync(
            ["history", "--engine", "reference", "--start", "2026-01-01T00:00:00", "--duration", "3 hours", "--dest", folder.Sub("log"), "--progress", "none",
             "--snapshot-at", "3 hours", "--snapshot-out", folder.Sub("snap.json")]);
        Assert.True(run.ExitCode == 0, run.Error);
        string[] forecast = ["forecast", "--snapshot", folder.Sub("snap.json"), "--horizon", "3 hours", "--replications", "40", "--seed", "11"];
        var local = await ActorsimCommand.RunAsync([.. forecast, "--parallelism", "1", "--out", folder.Sub("local")]);
        Assert.True(local.ExitCode == 0, local.Error);
        var (seedPort, victimPort) = (MotoServerFixture.FreePort(), MotoServerFixture.FreePort());
        var seed = $"127.0.0.1:{seedPort}";

        using var first = CliProcess.Start("node", "--port", $"{seedPort}", "--seed-nodes", seed, "--parallelism", "1", "--config", folder.Sub("node.conf"));
        using var victim = CliProcess.Start("node", "--port", $"{victimPort}", "--seed-nodes", seed, "--parallelism", "1", "--config", folder.Sub("node.conf"), "--log-level", "debug");
        await first.WaitForOutputAsync("is up", StartTimeout);
        await victim.WaitForOutputAsync("is up", StartTimeout);
        using var client = CliProcess.Start([.. forecast, "--cluster", seed, "--out", folder.Sub("cluster")]);
        await victim.WaitForOutputAsync("taken, replications", StartTimeout);
        await victim.SignalAsync("KILL");
        await client.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(client.ExitCode == 0, client.Error + client.Output);
        foreach (var file in new[] { "summary.json", "replications.parquet", "bands.parquet" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder.Sub("local"), file)), await File.ReadAllBytesAsync(Path.Combine(folder.Sub("cluster"), file)));
        }

        Assert.Matches($@"worker akka\.tcp://actorsim@127\.0\.0\.1:{victimPort}: .*; lost: ", client.Output);
        Assert.Contains($"worker akka.tcp://actorsim@127.0.0.1:{seedPort}: ", client.Output);
        Assert.Contains("40 replications in", client.Output);

        // The split brain resolver of the three-member cluster (two workers, the client) downs the dead one.
        await first.WaitForOutputAsync($"127.0.0.1:{victimPort} [worker] removed", TimeSpan.FromSeconds(30));
        await first.SignalAsync("TERM");
        await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("left", first.Output);
    }

    [Fact]
    public async Task The_help_of_node_and_forecast_lists_the_cluster_options()
    {
        var node = await ActorsimCommand.RunAsync("node", "--help");
        var forecast = await ActorsimCommand.RunAsync("forecast", "--help");

        Assert.Equal(0, node.ExitCode);
        foreach (var option in new[] { "--host", "--port", "--seed-nodes", "--roles", "--config", "--parallelism", "--log-level", "Exit codes:", "docs/cluster.md" })
        {
            Assert.Contains(option, node.Output);
        }

        foreach (var option in new[] { "--cluster <HOST:PORT,…>", "--cluster-host", "--cluster-config", "docs/cluster.md" })
        {
            Assert.Contains(option, forecast.Output);
        }
    }

    [Fact]
    public async Task A_forecast_on_a_cluster_refuses_keep_records()
    {
        var result = await ActorsimCommand.RunAsync("forecast", "--cluster", "127.0.0.1:1", "--keep-records", "out", "--horizon", "10 mins", "--replications", "2");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--keep-records cannot be used with --cluster", result.Error);
    }

    [Fact]
    public async Task A_node_refuses_a_bad_seed_with_exit_code_2()
    {
        var result = await ActorsimCommand.RunAsync("node", "--seed-nodes", "localhost");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("must be host:port", result.Error);
    }

    [Fact]
    public async Task A_forecast_on_a_cluster_without_workers_fails_naming_the_wait()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.Sub("client.conf"), "actorsim.cluster.forecast.worker-wait = 3s");
        var port = MotoServerFixture.FreePort();
        using var lone = CliProcess.Start("node", "--port", $"{port}", "--seed-nodes", $"127.0.0.1:{port}", "--roles", "client");
        await lone.WaitForOutputAsync("is up", StartTimeout);

        var result = await ActorsimCommand.RunAsync(
            "forecast", "--cluster", $"127.0.0.1:{port}", "--cluster-config", folder.Sub("client.conf"), "--horizon", "10 mins", "--replications", "2", "--out", folder.Sub("f"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no node with role worker offered its cores", result.Error);
    }
}
