using ActorSim.Cluster.Tests.Support;
using ActorSim.Egress.Destinations;
using ActorSim.Egress.Storage;
using ActorSim.Forecasts;
using ActorSim.Forecasts.Records;
using ActorSim.Runs;

namespace ActorSim.Cluster.Tests;

/// <summary>
/// Kept records on the cluster: the workers write each replication's chunks into the client's destination, the client
/// lists them in its manifest, and the files are those a local forecast writes, byte for byte.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterRecordsTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 5, 8, 0, 0);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "actorsim-cluster-records-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Records_kept_by_two_workers_equal_the_local_ones_also_when_leases_expire_and_replications_run_twice()
    {
        const string Impatient = "actorsim.cluster.forecast.lease-timeout = 10ms";
        var (json, request) = LineAForecast.Create(replications: 10, horizonSeconds: 2 * 3600);
        var local = await KeepAsync(Path.Combine(_root, "local"), request, json, executor: null);
        await using var cluster = new TestCluster();
        cluster.Start("worker", serializeMessages: true);
        cluster.Start("worker", serializeMessages: true);
        var client = cluster.Start("client", serializeMessages: true, overrides: Impatient);
        await cluster.WhenAllUpAsync(TimeSpan.FromSeconds(20));

        var executor = new ClusterReplicationExecutor(client, LineAForecast.Model, json);
        var spread = await KeepAsync(Path.Combine(_root, "cluster"), request, json, executor);
        await executor.DisposeAsync();

        Assert.True(executor.Shares.Sum(s => s.Duplicates) > 0, "no replication ran twice");
        Assert.Equal(Files(Path.Combine(_root, "local")), Files(Path.Combine(_root, "cluster")));
        Assert.Equal(local.Chunks, spread.Chunks);
        Assert.Equal(local.Sinks, spread.Sinks);
        Assert.Equal(RunStatus.Succeeded, spread.Status);
        Assert.Equal(10, spread.Chunks.Select(c => c.Path.Split('/')[0]).Distinct().Count());
        Assert.True(spread.Sinks.Single().Written > 0);
    }

    [Fact]
    public async Task A_worker_that_cannot_write_the_records_fails_the_forecast_naming_the_node_and_the_manifest_says_failed()
    {
        var (json, request) = LineAForecast.Create(replications: 4, horizonSeconds: 1800);
        await using var cluster = new TestCluster();
        var worker = cluster.Start("worker", stores: _ => throw new Egress.ObjectStoreException("no way to the store from this node"));
        var client = cluster.Start("client");
        await cluster.WhenAllUpAsync(TimeSpan.FromSeconds(20));
        var store = await OpenAsync(Path.Combine(_root, "refused"), request, json);

        var executor = new ClusterReplicationExecutor(client, LineAForecast.Model, json);
        var e = await Assert.ThrowsAsync<ClusterForecastException>(
            () => Task.Run(() => ForecastRunner.Run(request with { Records = store }, CancellationToken.None, executor)).WaitAsync(TimeSpan.FromSeconds(30)));
        await executor.DisposeAsync();
        await store.CompleteAsync(RunStatus.Failed, e.Message);
        await store.DisposeAsync();

        Assert.Contains(worker.Address.ToString(), e.Message);
        Assert.Contains("no way to the store from this node", e.Message);
        var manifest = await ReadManifestAsync(Path.Combine(_root, "refused"));
        Assert.Equal(RunStatus.Failed, manifest.Status);
        Assert.False(File.Exists(Path.Combine(_root, "refused", DestinationSession.SuccessFile)));
    }

    private static async Task<ManifestRun> KeepAsync(string destination, ForecastRequest request, string json, ClusterReplicationExecutor? executor)
    {
        await using (var store = await OpenAsync(destination, request, json))
        {
            var kept = request with { Records = store };
            await Task.Run(() => executor is null ? ForecastRunner.Run(kept) : ForecastRunner.Run(kept, CancellationToken.None, executor)).WaitAsync(TimeSpan.FromSeconds(60));
            await store.CompleteAsync(RunStatus.Succeeded, null);
        }

        return await ReadManifestAsync(destination);
    }

    private static async Task<ForecastRecordStore> OpenAsync(string destination, ForecastRequest request, string json)
    {
        var spec = RunSpecResolver.Resolve(
            new RunRequest
            {
                Model = LineAForecast.Model,
                Destination = destination,
                DurationSeconds = request.HorizonSeconds,
                Snapshot = Model.Snapshots.SnapshotJson.Read(json, "test snapshot"),
                Seed = request.Seed,
                Engine = RunEngine.Reference,
            },
            Now);
        return await ForecastRecordStore.OpenAsync(RunCompiler.Compile(spec), CancellationToken.None);
    }

    private static async Task<ManifestRun> ReadManifestAsync(string destination) =>
        Assert.Single((await DestinationSession.ReadManifestAsync(new LocalObjectStore(destination), CancellationToken.None))!.Runs);

    /// <summary>Every chunk file under replication folders, by relative path, with its bytes in hex.</summary>
    private static IReadOnlyList<(string Path, string Bytes)> Files(string root) => ChunkFolder.Contents(root, f => f.StartsWith("replication=", StringComparison.Ordinal));
}
