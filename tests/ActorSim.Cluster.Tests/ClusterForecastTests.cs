using ActorSim.Cluster.Tests.Support;
using ActorSim.Forecasts;

namespace ActorSim.Cluster.Tests;

/// <summary>
/// Forecasts on three actor systems in this process (two workers and a client, 127.0.0.1, port 0, every message
/// serialized in the first): the outcomes are those of the local run, bit for bit, also when a worker leaves or is cut off midway.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterForecastTests
{
    private static readonly TimeSpan FormTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_forecast_spread_over_two_workers_equals_the_local_one()
    {
        var (json, request) = LineAForecast.Create(replications: 40, horizonSeconds: 2 * 3600);
        var local = ForecastRunner.Run(request);
        await using var cluster = new TestCluster();
        cluster.Start("worker", serializeMessages: true);
        cluster.Start("worker", serializeMessages: true);
        var client = cluster.Start("client", serializeMessages: true);
        await cluster.WhenAllUpAsync(FormTimeout);

        var executor = new ClusterReplicationExecutor(client, LineAForecast.Model, json);
        var done = 0;
        var counted = request with { ReplicationDone = () => Interlocked.Increment(ref done) };
        var spread = await Task.Run(() => ForecastRunner.Run(counted, CancellationToken.None, executor));
        await executor.DisposeAsync();

        Assert.Equal(40, done);
        Assert.Equal(LineAForecast.Bits(local), LineAForecast.Bits(spread));
        Assert.Equal(local.Summaries.Select(s => s.Summary), spread.Summaries.Select(s => s.Summary));
        Assert.Equal(40, executor.Shares.Sum(s => s.Replications));
        Assert.Equal(2, executor.Shares.Count(s => s.Replications > 0));
        Assert.All(executor.Shares, s => Assert.Null(s.Lost));
    }

    [Fact]
    public async Task A_what_if_scenario_and_sequential_stopping_on_the_cluster_equal_the_local_ones()
    {
        var (json, request) = LineAForecast.Create(replications: 8, horizonSeconds: 1800);
        var scenario = request with { Changes = [new WhatIfChange("Line_A.resources.lathe.current_cap", 5L, 600)] };
        var rule = new PrecisionRule(0.001, ["wait_mean"], MaxReplications: 24);
        await using var cluster = new TestCluster();
        cluster.Start("worker");
        cluster.Start("worker");
        var client = cluster.Start("client");
        await cluster.WhenAllUpAsync(FormTimeout);

        var executor = new ClusterReplicationExecutor(client, LineAForecast.Model, json);
        var (changed, precise) = await Task.Run(() =>
            (ForecastRunner.Run(scenario, CancellationToken.None, executor), ForecastRunner.RunUntilPrecise(request, rule, CancellationToken.None, executor)));
        await executor.DisposeAsync();

        Assert.Equal(LineAForecast.Bits(ForecastRunner.Run(scenario)), LineAForecast.Bits(changed));
        var local = ForecastRunner.RunUntilPrecise(request, rule);
        Assert.Equal((local.Met, local.Result.Rows.Count), (precise.Met, precise.Result.Rows.Count));
        Assert.Equal(LineAForecast.Bits(local.Result), LineAForecast.Bits(precise.Result));
        Assert.NotEqual(LineAForecast.Bits(changed), LineAForecast.Bits(precise.Result).Take(8));
    }

    [Fact]
    public async Task A_forecast_stopped_by_its_caller_ends_its_job_on_the_workers_which_stay_up()
    {
        var (json, request) = LineAForecast.Create(replications: 400, horizonSeconds: 4 * 3600);
        await using var cluster = new TestCluster();
        var worker = cluster.Start("worker", logLevel: "INFO");
        var client = cluster.Start("client");
        await cluster.WhenAllUpAsync(FormTimeout);
        var received = TestCluster.LoggedAsync(worker, "received (");
        var ended = TestCluster.LoggedAsync(worker, "the client ended it");
        using var stop = new CancellationTokenSource();

        var executor = new ClusterReplicationExecutor(client, LineAForecast.Model, json);
        var stopped = Task.Run(() => ForecastRunner.Run(request, stop.Token, executor));
        await received.WaitAsync(TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped.WaitAsync(TimeSpan.FromSeconds(20)));
        await executor.DisposeAsync();

        await ended.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(executor.Shares.Sum(s => s.Replications) < 400);
        Assert.False(worker.WhenTerminated.IsCompleted);
    }

    [Fact]
    public Task A_worker_terminated_midway_loses_nothing() =>
        LosingAWorkerMidwayLosesNothing((_, victim) => victim.System.Terminate(), lost => Assert.NotNull(lost));

    [Fact]
    public Task A_worker_cut_off_midway_loses_nothing() =>
        LosingAWorkerMidwayLosesNothing((cluster, victim) => cluster.BlackholeAsync(victim), lost => Assert.StartsWith("unreachable", lost));

    /// <summary>
    /// Three nodes; once the victim worker has taken a batch, <paramref name="lose"/> takes it away: the forecast
    /// completes with the local outcomes bit for bit, every replication kept once, and the victim's loss named as
    /// <paramref name="checkLoss"/> expects.
    /// </summary>
    private static async Task LosingAWorkerMidwayLosesNothing(Func<TestCluster, ActorSimNode, Task> lose, Action<string?> checkLoss)
    {
        var (json, request) = LineAForecast.Create(replications: 48, horizonSeconds: 4 * 3600);
        await using var cluster = new TestCluster();
        cluster.Start("worker");
        var victim = cluster.Start("worker", logLevel: "DEBUG");
        var client = cluster.Start("client");
        await cluster.WhenAllUpAsync(FormTimeout);
        var tookABatch = TestCluster.LoggedAsync(victim, "taken, replications");

        var executor = new ClusterReplicationExecutor(client, LineAForecast.Model, json);
        var forecast = Task.Run(() => ForecastRunner.Run(request, CancellationToken.None, executor));
        await tookABatch.WaitAsync(TimeSpan.FromSeconds(20));
        await lose(cluster, victim);
        var spread = await forecast.WaitAsync(TimeSpan.FromSeconds(40));
        await executor.DisposeAsync();

        Assert.Equal(LineAForecast.Bits(ForecastRunner.Run(request)), LineAForecast.Bits(spread));
        var lost = Assert.Single(executor.Shares, s => s.Node == victim.Address.ToString());
        checkLoss(lost.Lost);
        Assert.Equal(48, executor.Shares.Sum(s => s.Replications));
    }

    [Fact]
    public async Task A_worker_whose_client_is_gone_drops_its_work_stays_up_and_serves_the_next_client_from_its_cache()
    {
        var (json, request) = LineAForecast.Create(replications: 48, horizonSeconds: 4 * 3600);
        await using var cluster = new TestCluster();
        var worker = cluster.Start("worker", logLevel: "INFO");
        var first = cluster.Start("client");
        await cluster.WhenAllUpAsync(FormTimeout);
        var received = TestCluster.LoggedAsync(worker, "received (");
        var dropped = TestCluster.LoggedAsync(worker, "is gone");

        var executor = new ClusterReplicationExecutor(first, LineAForecast.Model, json);
        var abandoned = Task.Run(() => ForecastRunner.Run(request, CancellationToken.None, executor));
        await received.WaitAsync(TimeSpan.FromSeconds(20));
        await first.System.Terminate();
        await Assert.ThrowsAsync<ClusterForecastException>(() => abandoned.WaitAsync(TimeSpan.FromSeconds(20)));
        await dropped.WaitAsync(TimeSpan.FromSeconds(20));

        var receivedAgain = TestCluster.LoggedAsync(worker, "received (");
        var second = cluster.Start("client");
        var next = new ClusterReplicationExecutor(second, LineAForecast.Model, json);
        var small = request with { Replications = 8 };
        var result = await Task.Run(() => ForecastRunner.Run(small, CancellationToken.None, next)).WaitAsync(TimeSpan.FromSeconds(30));
        await next.DisposeAsync();

        Assert.Equal(LineAForecast.Bits(ForecastRunner.Run(small)), LineAForecast.Bits(result));
        Assert.False(receivedAgain.IsCompleted, "the worker fetched a definition it held by hash");
        Assert.False(worker.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task An_outcome_larger_than_a_frame_fails_the_forecast_naming_the_key()
    {
        const string SmallFrames = "akka.remote.dot-netty.tcp.maximum-frame-size = 32000b\nactorsim.cluster.forecast.chunk-size = 16 KiB";
        var (json, request) = LineAForecast.Create(replications: 2, horizonSeconds: 3600);
        await using var cluster = new TestCluster();
        cluster.Start("worker", overrides: SmallFrames);
        var client = cluster.Start("client", overrides: SmallFrames);
        await cluster.WhenAllUpAsync(FormTimeout);
        var executor = new ClusterReplicationExecutor(client, LineAForecast.Model, json);

        var e = await Assert.ThrowsAsync<ClusterForecastException>(
            () => Task.Run(() => ForecastRunner.Run(request with { BandStep = 1 }, CancellationToken.None, executor)).WaitAsync(TimeSpan.FromSeconds(30)));
        await executor.DisposeAsync();

        Assert.Contains("maximum-frame-size", e.Message);
        Assert.Contains("--band-step", e.Message);
    }

    [Fact]
    public async Task Outcomes_of_expired_leases_run_twice_are_checked_equal_and_ignored()
    {
        const string Impatient = "actorsim.cluster.forecast.lease-timeout = 10ms";
        // Replications long enough (some 20 ms each) that a lease expires under a running one and another worker runs
        // it again before the first finishes: with 4 hours (7 ms) the original often won the race, and no duplicate came.
        var (json, request) = LineAForecast.Create(replications: 16, horizonSeconds: 12 * 3600);
        await using var cluster = new TestCluster();
        cluster.Start("worker");
        cluster.Start("worker");
        var client = cluster.Start("client", overrides: Impatient);
        await cluster.WhenAllUpAsync(FormTimeout);

        var executor = new ClusterReplicationExecutor(client, LineAForecast.Model, json);
        var spread = await Task.Run(() => ForecastRunner.Run(request, CancellationToken.None, executor)).WaitAsync(TimeSpan.FromSeconds(60));
        await executor.DisposeAsync();

        Assert.Equal(LineAForecast.Bits(ForecastRunner.Run(request)), LineAForecast.Bits(spread));
        Assert.Equal(16, executor.Shares.Sum(s => s.Replications));
        Assert.True(executor.Shares.Sum(s => s.Requeued) > 0, "no lease expired");
        Assert.True(executor.Shares.Sum(s => s.Duplicates) > 0, "no replication ran twice");
    }
}
