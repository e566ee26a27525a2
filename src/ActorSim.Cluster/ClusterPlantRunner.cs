using System.Diagnostics;
using ActorSim.Actors;
using ActorSim.Actors.Messages;
using ActorSim.Cluster.Internal;
using ActorSim.Cluster.Messages;
using ActorSim.Egress.Reports;
using ActorSim.Runs;
using ActorSim.Runs.Execution;
using Akka.Actor;
using Akka.Cluster;

namespace ActorSim.Cluster;

/// <summary>
/// Runs a plant on the cluster from a client node (<c>actorsim history --cluster</c>): the coordinator runs here, each
/// line on a worker node (<see cref="LinePlacement"/>), deployed into that node's actor system as the coordinator's
/// child. Grants, reports and items in transit cross the network through the actor layer's serializer; records never
/// do: each line writes through egress actors on its own node into the run's destinations, and reports its chunks
/// and counts at the end for this process's manifests. The records are those of the same run on one process.
/// </summary>
public sealed class ClusterPlantRunner(ActorSimNode client)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Workers to wait for before placing the lines (default 1): the run starts once that many are Up.</summary>
    public int MinWorkers { get; init; } = 1;

    /// <summary>How long to wait for <see cref="MinWorkers"/> worker nodes (default 60 s).</summary>
    public TimeSpan WorkerWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Runs <paramref name="run"/> (the actors engine's spec) under the id <paramref name="runId"/>, its sinks writing into
    /// <paramref name="destinations"/> (held by this process), telling progress and snapshots to <paramref name="execution"/>.
    /// A run that fails is a <see cref="RunExecutionException"/> with what every line had written; one that cannot start,
    /// a <see cref="ClusterRunException"/>.
    /// </summary>
    public async Task<ClusterRunOutcome> RunAsync(CompiledRun run, RunDestinations destinations, string runId, RunExecution execution, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(destinations);
        ArgumentNullException.ThrowIfNull(execution);
        var clock = Stopwatch.StartNew();
        var spec = run.Spec;
        await client.WhenUp.WaitAsync(WorkerWait, cancellation).ConfigureAwait(false);
        var placement = LinePlacement.Spread(run.Plant, await WorkersAsync(cancellation).ConfigureAwait(false));
        var nodes = placement.Distinct().ToArray();
        var specJson = RunSpecJson.Write(spec);
        var frame = client.System.Settings.Config.GetByteSize("akka.remote.dot-netty.tcp.maximum-frame-size") ?? 128_000;
        if (System.Text.Encoding.UTF8.GetByteCount(specJson) > frame - 4096)
        {
            throw new ClusterRunException(
                $"the run's description (its model and snapshot) is {System.Text.Encoding.UTF8.GetByteCount(specJson):N0} bytes, more than a message between nodes holds ({frame:N0}): " +
                "raise akka.remote.dot-netty.tcp.maximum-frame-size on every node and the client (--config, --cluster-config)");
        }

        var tags = spec.Sinks.Select(s => destinations.ChunkTagOf(s.Destination)).ToArray();
        var prepared = new List<Address>();
        ActorRunStats? stats = null;
        Exception? failure = null;
        var preparedAfter = TimeSpan.Zero;
        var ranAfter = TimeSpan.Zero;
        try
        {
            foreach (var node in nodes)
            {
                var lines = Enumerable.Range(0, placement.Length).Where(i => placement[i] == node).ToArray();
                var reply = await PlantHost(node).Ask<LinesPrepared>(new LinesOffered(runId, specJson, lines, tags), AskTimeout, cancellation).ConfigureAwait(false);
                if (reply.Error is { } error)
                {
                    throw new ClusterRunException($"worker node {node} refused the run: {error}");
                }

                prepared.Add(node);
            }

            preparedAfter = clock.Elapsed;

            var settings = ActorRunnerSettings.FromConfig(client.System.Settings.Config) with { Factor = spec.Factor, LogicalStart = spec.Start, GoLiveAt = spec.GoLiveAt };
            await using var host = ActorSimHost.Over(client.System, settings);
            var handle = await host.StartRunAsync(
                run.Plant, RunExecutor.PlantOptions(run, execution, cancellation), line => throw new InvalidOperationException($"The line {line.SimId} must run on a worker node, not on the client."),
                settings, runId, cancellation, i => placement[i]).ConfigureAwait(false);
            stats = await WithProgressAsync(handle, spec, execution, clock).ConfigureAwait(false);
            ranAfter = clock.Elapsed;
        }
        catch (ClusterRunException) when (prepared.Count == 0)
        {
            throw;
        }
#pragma warning disable CA1031 // The failure is thrown below, once the lines' output is counted.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = e;
        }

        var wire = WireTraffic.For(client.System);
        var traffic = wire.Of(runId);
        wire.Forget(runId);
        var (hosted, silent) = await CollectAsync(prepared, runId).ConfigureAwait(false);
        if (failure is null && silent.Count > 0)
        {
            failure = new ClusterRunException(
                $"the run ended, but {string.Join(" and ", silent)} did not say which chunks its lines wrote: the manifest lists only the other nodes' chunks");
        }

        foreach (var chunk in hosted.SelectMany(h => h.Chunks))
        {
            destinations.Log(chunk);
        }

        var reports = hosted.OrderBy(h => h.SimId, StringComparer.Ordinal).Select(h => (h.SimId, new EgressReport(h.Sinks))).ToList();
        if (failure is not null)
        {
            if (failure is OperationCanceledException && cancellation.IsCancellationRequested)
            {
                throw failure;
            }

            throw new RunExecutionException(LostNodes(prepared, placement, run) is { } lost ? new ClusterRunException($"{lost}: {failure.Message}", failure) : failure, spec.Start, null, reports);
        }

        var outcome = new RunOutcome(reports, stats!.Plant, stats, null, reports.Sum(r => r.Item2.Sinks.Count == 0 ? 0 : r.Item2.Sinks[0].Published), clock.Elapsed);
        return new ClusterRunOutcome(outcome, run.Plant.Lines.Select((l, i) => (l.SimId, placement[i].ToString())).ToArray())
        {
            Traffic = traffic.Where(t => t.Line < run.Plant.Lines.Count).Select(t => (run.Plant.Lines[t.Line].SimId, t)).ToArray(),
            NetworkWarning = NetworkWarning(stats, placement, ranAfter - preparedAfter, traffic),
            Prepared = preparedAfter,
            Ran = ranAfter - preparedAfter,
            Collected = clock.Elapsed - ranAfter,
        };
    }

    /// <summary>
    /// A warning when the run took more than twice the compute of its busiest node (the sum of its lines' busy time):
    /// then waiting on messages between nodes, not simulating, set the pace.
    /// </summary>
    private static string? NetworkWarning(ActorRunStats stats, Address[] placement, TimeSpan ran, IReadOnlyList<LineTraffic> traffic)
    {
        var busiest = stats.Lines.GroupBy(l => placement[l.Line]).Select(g => (Node: g.Key, Busy: g.Sum(l => l.BusySeconds))).MaxBy(n => n.Busy);
        if (busiest.Node is null || ran.TotalSeconds <= 2 * busiest.Busy)
        {
            return null;
        }

        var bytes = traffic.Sum(t => t.BytesSent + t.BytesReceived);
        var messages = traffic.Sum(t => t.MessagesSent + t.MessagesReceived);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return string.Create(culture, $"the network, not the model, limits this run: it took {ran.TotalSeconds:0.00} s, and its busiest node ({busiest.Node}) computed for {busiest.Busy:0.00} s; ")
            + string.Create(culture, $"the rest went to {stats.Grants:N0} grants and {messages:N0} messages ({bytes / 1e6:0.0} MB) between the coordinator and the lines ")
            + "(a plant whose lines exchange many items per grant, or a slow network, runs faster in one process or with fewer nodes)";
    }

    /// <summary>
    /// The worker nodes among <paramref name="nodes"/> that the cluster no longer has Up and reachable, each with the lines
    /// it hosted, as one sentence; null when every one is there.
    /// </summary>
    private string? LostNodes(IReadOnlyList<Address> nodes, Address[] placement, CompiledRun run)
    {
        var state = Akka.Cluster.Cluster.Get(client.System).State;
        var lost = nodes.Where(node =>
            !state.Members.Any(m => m.Address == node && m.Status == MemberStatus.Up) || state.Unreachable.Any(m => m.Address == node)).ToArray();
        return lost.Length == 0
            ? null
            : "the run cannot go on without " + string.Join(" and ", lost.Select(node =>
                $"worker node {node}, which hosted {string.Join(", ", run.Plant.Lines.Where((_, i) => placement[i] == node).Select(l => l.SimId))}")) +
              " (lost midway; nothing restores its lines)";
    }

    /// <summary>The worker nodes that are Up, once at least <see cref="MinWorkers"/> are.</summary>
    private async Task<Address[]> WorkersAsync(CancellationToken cancellation)
    {
        var cluster = Akka.Cluster.Cluster.Get(client.System);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var workers = cluster.State.Members.Where(m => m.Status == MemberStatus.Up && m.HasRole(ClusterNodeSettings.WorkerRole)).Select(m => m.Address).ToArray();
            if (workers.Length >= MinWorkers)
            {
                return workers;
            }

            if (waited.Elapsed > WorkerWait)
            {
                throw new ClusterRunException(
                    $"{(workers.Length == 0 ? "no node with role worker" : $"only {workers.Length} of {MinWorkers} worker nodes")} came up within {WorkerWait.TotalSeconds:0} s; " +
                    "start workers with `actorsim node --roles worker --seed-nodes ...`");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for the run's end, telling <paramref name="execution"/> the coordinator's progress every interval.</summary>
    private static async Task<ActorRunStats> WithProgressAsync(RunHandle handle, RunSpec spec, RunExecution execution, Stopwatch clock)
    {
        if (execution.Progress is { } progress)
        {
            while (await Task.WhenAny(handle.Completion, Task.Delay(execution.ProgressInterval)).ConfigureAwait(false) != handle.Completion)
            {
                try
                {
                    var now = await handle.ProgressAsync().WaitAsync(execution.ProgressInterval * 4).ConfigureAwait(false);
                    progress(new RunSample(Math.Max(0, now.ReachedTime - spec.StartsAt), spec.DurationSeconds, Math.Max(0, now.RecordsWritten), clock.Elapsed));
                }
#pragma warning disable CA1031 // A run that ended or a slow answer only skips a progress sample.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }
        }

        return await handle.Completion.ConfigureAwait(false);
    }

    /// <summary>
    /// What the lines on <paramref name="nodes"/> wrote, page by page; a node that does not answer is named in the
    /// second list (its lines' chunks are missing from the manifest, which must then not say the run succeeded).
    /// </summary>
    private async Task<(List<HostedLine> Lines, List<Address> Silent)> CollectAsync(IReadOnlyList<Address> nodes, string runId)
    {
        var lines = new Dictionary<string, HostedLine>(StringComparer.Ordinal);
        var silent = new List<Address>();
        foreach (var node in nodes)
        {
            try
            {
                var page = 0;
                LinesCollected reply;
                do
                {
                    reply = await PlantHost(node).Ask<LinesCollected>(new CollectLines(runId, page++), AskTimeout).ConfigureAwait(false);
                    foreach (var line in reply.Lines)
                    {
                        lines[line.SimId] = lines.TryGetValue(line.SimId, out var held)
                            ? held with { Sinks = [.. held.Sinks, .. line.Sinks], Chunks = [.. held.Chunks, .. line.Chunks] }
                            : line;
                    }
                }
                while (reply.More);
            }
            catch (AskTimeoutException)
            {
                silent.Add(node);
            }
        }

        return ([.. lines.Values], silent);
    }

    private ActorSelection PlantHost(Address node) => client.System.ActorSelection(new RootActorPath(node) / "user" / NodeActors.PlantHostName);
}
