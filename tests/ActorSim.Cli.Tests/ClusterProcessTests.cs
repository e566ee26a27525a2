using System.Collections;
using ActorSim.Cli.Tests.Support;
using ActorSim.Egress.Tests.Support;

namespace ActorSim.Cli.Tests;

/// <summary>
/// <c>actorsim node</c> and <c>actorsim forecast --cluster</c> as real processes on loopback: two worker nodes, a
/// forecast that loses one of them to SIGKILL midway and still writes the local forecast's bytes (its records kept in
/// S3 by the workers included), the split brain resolver downing the dead node; and a node that leaves on SIGTERM with
/// exit code 0 while the other stays up. Every process is killed by the test's end, also when it fails.
/// </summary>
[Collection("cluster processes")]
public sealed class ClusterProcessTests(MotoServerFixture moto) : IClassFixture<MotoServerFixture>
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_forecast_on_two_worker_processes_survives_one_killed_midway_and_writes_the_local_bytes_and_records()
    {
        var environment = MotoAccess.Environment(moto);
        var nodeEnvironment = environment.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
        using var s3 = MotoAccess.Client(moto);
        await s3.PutBucketAsync("kept");
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.Sub("node.conf"), QuickDetection.Config);
        var run = await ActorsimCommand.RunAsync(
            ["history", "--engine", "reference", "--start", "2026-01-01T00:00:00", "--duration", "3 hours", "--dest", folder.Sub("log"), "--progress", "none",
             "--snapshot-at", "3 hours", "--snapshot-out", folder.Sub("snap.json")]);
        Assert.True(run.ExitCode == 0, run.Error);
        string[] forecast = ["forecast", "--snapshot", folder.Sub("snap.json"), "--horizon", "1 hour", "--replications", "120", "--seed", "11"];
        var local = await ActorsimCommand.RunAsync(environment, [.. forecast, "--parallelism", "1", "--out", folder.Sub("local"), "--keep-records", "s3://kept/local"]);
        Assert.True(local.ExitCode == 0, local.Error);
        var (seedPort, victimPort) = NodePorts.Two();
        var seed = $"127.0.0.1:{seedPort}";

        using var first = CliProcess.Start(nodeEnvironment, "node", "--port", $"{seedPort}", "--seed-nodes", seed, "--parallelism", "1", "--config", folder.Sub("node.conf"));
        using var victim = CliProcess.Start(nodeEnvironment, "node", "--port", $"{victimPort}", "--seed-nodes", seed, "--parallelism", "1", "--config", folder.Sub("node.conf"), "--log-level", "debug");
        await first.WaitForOutputAsync("is up", StartTimeout);
        await victim.WaitForOutputAsync("is up", StartTimeout);
        using var client = CliProcess.Start(nodeEnvironment, [.. forecast, "--cluster", seed, "--out", folder.Sub("cluster"), "--keep-records", "s3://kept/cluster"]);
        await victim.WaitForOutputAsync("taken, replications", StartTimeout);
        await victim.SignalAsync("KILL");
        await client.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(client.ExitCode == 0, client.Error + client.Output);
        foreach (var file in new[] { "summary.json", "replications.parquet", "bands.parquet" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(folder.Sub("local"), file)), await File.ReadAllBytesAsync(Path.Combine(folder.Sub("cluster"), file)));
        }

        // The records: every chunk the local forecast kept, the same bytes, written by the workers; the client's manifest lists them all.
        var kept = await KeptAsync(s3, "local/");
        Assert.Equal(kept, await KeptAsync(s3, "cluster/"));
        Assert.Equal(120, kept.Select(k => k.Key.Split('/')[0]).Distinct().Count());
        Assert.Contains("records: s3://kept/cluster/replication=<i>/", client.Output);
        Assert.Contains("(succeeded)", client.Output);
        using var manifest = System.Text.Json.JsonDocument.Parse(await ObjectBytesAsync(s3, "cluster/_manifest.json"));
        var entry = Assert.Single(manifest.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal(kept.Select(k => k.Key), entry.GetProperty("chunks").EnumerateArray().Select(c => c.GetProperty("path").GetString()));

        Assert.Matches($@"worker akka\.tcp://actorsim@127\.0\.0\.1:{victimPort}: .*; lost: ", client.Output);
        Assert.Contains($"worker akka.tcp://actorsim@127.0.0.1:{seedPort}: ", client.Output);
        Assert.Contains("120 replications in", client.Output);

        // The split brain resolver of the three-member cluster (two workers, the client) downs the dead one.
        await first.WaitForOutputAsync($"127.0.0.1:{victimPort} [worker] removed", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_node_stopped_by_sigterm_leaves_the_cluster_and_exits_0()
    {
        var port = MotoServerFixture.FreePort();
        var seed = $"127.0.0.1:{port}";
        using var first = CliProcess.Start("node", "--port", $"{port}", "--seed-nodes", seed, "--parallelism", "1");
        using var second = CliProcess.Start("node", "--port", "0", "--seed-nodes", seed, "--parallelism", "1");
        await first.WaitForOutputAsync("is up", StartTimeout);
        await second.WaitForOutputAsync("is up", StartTimeout);

        await second.SignalAsync("TERM");
        await second.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(second.ExitCode == 0, second.Error + second.Output);
        Assert.Contains("is leaving the cluster", second.Output);
        Assert.Contains("left", second.Output);
        await first.WaitForOutputAsync("[worker] removed", TimeSpan.FromSeconds(30));
        Assert.False(first.HasExited, first.Output);
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

    /// <summary>Every object under <paramref name="prefix"/> of the bucket kept but the manifest, by key below it, with its bytes in hex.</summary>
    private static async Task<List<(string Key, string Bytes)>> KeptAsync(Amazon.S3.AmazonS3Client s3, string prefix)
    {
        var keys = new List<string>();
        var request = new Amazon.S3.Model.ListObjectsV2Request { BucketName = "kept", Prefix = prefix };
        do
        {
            var listed = await s3.ListObjectsV2Async(request);
            keys.AddRange((listed.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = listed.IsTruncated == true ? listed.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        var kept = new List<(string Key, string Bytes)>();
        foreach (var key in keys.Where(k => k.Contains("/replication=", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            kept.Add((key[prefix.Length..], Convert.ToHexString(await ObjectBytesAsync(s3, key))));
        }

        return kept;
    }

    private static async Task<byte[]> ObjectBytesAsync(Amazon.S3.AmazonS3Client s3, string key)
    {
        using var response = await s3.GetObjectAsync("kept", key);
        using var bytes = new MemoryStream();
        await response.ResponseStream.CopyToAsync(bytes);
        return bytes.ToArray();
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
