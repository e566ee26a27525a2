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

    /// <summary>How long a failure that names a lost line waits for the cluster to call its node unreachable.</summary>
    private static readonly TimeSpan LossAgreement = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan NodeWatchInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Workers to wait for before placing the lines (default 1): the run starts once that many are Up.</summary>
    public int MinWorkers { get; init; } = 1;

    /// <summary>How long to wait for <see cref="MinWorkers"/> worker nodes (default 60 s).</summary>
    public TimeSpan WorkerWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How the lines the blueprint does not pin are placed (<see cref="LinePlacement.Place"/>; default spread evenly).</summary>
    public PlacementRule Placement { get; init; } = PlacementRule.Spread;

    /// <summary>
    /// Simulated seconds between consistent checkpoints (<c>--checkpoint-every</c>), on a grid from the run's start; null:
    /// none, and the loss of a node hosting lines fails the run. With checkpoints, such a loss restores every line from
    /// the latest checkpoint on the nodes still Up and the run goes on, writing the same files.
    /// </summary>
    public double? CheckpointEvery { get; init; }

    /// <summary>Told each recovery as it starts (on a pool thread), for a progress line.</summary>
    public Action<ClusterRecovery>? Recovering { get; init; }

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
        if (CheckpointEvery is { } every && (!(every > 0) || double.IsInfinity(every)))
        {
            throw new ArgumentOutOfRangeException(nameof(CheckpointEvery), every, "Checkpoints are taken every positive, finite span of simulated time.");
        }

        var clock = Stopwatch.StartNew();
        var spec = run.Spec;
        await client.WhenUp.WaitAsync(WorkerWait, cancellation).ConfigureAwait(false);
        var tags = spec.Sinks.Select(s => destinations.ChunkTagOf(s.Destination)).ToArray();
        var ledger = CheckpointEvery is not null ? new CheckpointLedger(run.CreateStore(spec.Sinks[0].Destination), runId) : null;
        var recoveries = new List<ClusterRecovery>();
        var lost = new HashSet<Address>();
        var traffic = new Dictionary<int, LineTraffic>();
        RestorePlan? from = null;
        TimeSpan? firstPrepared = null;
        var attemptId = runId;
        while (true)
        {
            var workers = await WorkersAsync(recoveries.Count == 0 ? MinWorkers : 1, lost, cancellation).ConfigureAwait(false);
            var placement = LinePlacement.Place(run.Plant, workers, run.LineNodes, Placement);

            var attempt = await AttemptAsync(run, from, placement, attemptId, tags, ledger, execution, clock, cancellation).ConfigureAwait(false);
            firstPrepared ??= attempt.PreparedAfter;
            var wire = WireTraffic.For(client.System);
            foreach (var line in wire.Of(attemptId))
            {
                traffic[line.Line] = traffic.TryGetValue(line.Line, out var held) ? Sum(held, line) : line;
            }

            wire.Forget(attemptId);
            var lostNow = attempt.Failure is null || cancellation.IsCancellationRequested ? [] : await LostNodesAsync(attempt).ConfigureAwait(false);
            if (attempt.Failure is not null && lostNow.Length > 0 && ledger?.Latest is not null)
            {
                // Every line goes back to a checkpoint: the lost node's lines restored elsewhere, the others rolled back.
                await CollectAsync(attempt.Prepared.Except(lostNow).ToArray(), attemptId).ConfigureAwait(false);
                await RemoveLeftoversAsync(run, cancellation).ConfigureAwait(false);
                from = ledger.Restoring()!;
                var recovery = new ClusterRecovery(
                    [.. lostNow.Select(n => n.ToString())], [.. run.Plant.Lines.Where((_, i) => lostNow.Contains(placement[i])).Select(l => l.SimId)],
                    attempt.Failure is ActorSim.Model.Plants.LineFailedException failed ? failed.SimulatedTime : double.NaN, from.ReplayFrom?.AsOf ?? run.Spec.StartsAt, clock.Elapsed)
                {
                    Stored = from.Stored.AsOf,
                };
                recoveries.Add(recovery);
                lost.UnionWith(lostNow);
                Recovering?.Invoke(recovery);
                attemptId = $"{runId}-r{recoveries.Count}";
                continue;
            }

            // A lost node cannot answer: asking it would only wait for the timeout.
            var (hosted, silent) = await CollectAsync(attempt.Prepared.Except(lostNow).ToArray(), attemptId).ConfigureAwait(false);
            if (recoveries.Count > 0)
            {
                // A node cut off rather than dead may have gone on storing for a while.
                await RemoveLeftoversAsync(run, CancellationToken.None).ConfigureAwait(false);
            }

            var failure = attempt.Failure;
            if (failure is null && silent.Count > 0)
            {
                failure = new ClusterRunException(
                    $"the run ended, but {string.Join(" and ", silent)} did not say which chunks its lines wrote: the manifest lists only the other nodes' chunks");
            }

            // After a recovery a chunk can be listed twice: landed just after a checkpoint counted its line's chunks, and
            // stored again by the replay. It is the same chunk; different bytes would be a broken replay.
            var chunks = new Dictionary<string, Egress.Destinations.ManifestChunk>(StringComparer.Ordinal);
            foreach (var chunk in (ledger?.Kept ?? []).Concat(hosted.SelectMany(h => h.Chunks)))
            {
                if (chunks.TryGetValue(chunk.Path, out var listed) && listed.Sha256 != chunk.Sha256)
                {
                    failure ??= new ClusterRunException($"the chunk {chunk.Path} was stored twice with different bytes (before and after a recovery); the output cannot be trusted");
                }

                chunks[chunk.Path] = chunk;
            }

            foreach (var chunk in chunks.Values)
            {
                destinations.Log(chunk);
            }

            if (ledger is not null)
            {
                await ledger.SettleAsync(delete: failure is null, CancellationToken.None).ConfigureAwait(false);
            }

            var reports = hosted.OrderBy(h => h.SimId, StringComparer.Ordinal).Select(h => (h.SimId, new EgressReport(h.Sinks))).ToList();
            if (failure is not null)
            {
                if (failure is OperationCanceledException && cancellation.IsCancellationRequested)
                {
                    throw failure;
                }

                var lostText = LostText(lostNow, placement, run, ledger is not null);
                throw new RunExecutionException(lostText is not null ? new ClusterRunException($"{lostText}: {failure.Message}", failure) : failure, spec.Start, null, reports);
            }

            var stats = attempt.Stats!;
            var outcome = new RunOutcome(reports, stats.Plant, stats, null, reports.Sum(r => r.Item2.Sinks.Count == 0 ? 0 : r.Item2.Sinks[0].Published), clock.Elapsed);
            var lineTraffic = traffic.Values.Where(t => t.Line < run.Plant.Lines.Count).OrderBy(t => t.Line).ToArray();
            return new ClusterRunOutcome(outcome, run.Plant.Lines.Select((l, i) => (l.SimId, placement[i].ToString())).ToArray())
            {
                Traffic = lineTraffic.Select(t => (run.Plant.Lines[t.Line].SimId, t)).ToArray(),
                NetworkWarning = NetworkWarning(stats, placement, attempt.Ran, lineTraffic),
                Prepared = firstPrepared.Value,
                Ran = attempt.RanUntil - firstPrepared.Value,
                Collected = clock.Elapsed - attempt.RanUntil,
                Checkpoints = ledger?.Taken ?? 0,
                CheckpointCopyError = ledger?.WriteError is { } copy ? $"the checkpoint's copy in {spec.Sinks[0].Destination} could not be written: {copy.Message}" : null,
                Recoveries = recoveries,
            };
        }
    }

    /// <summary>One try at the run, from the start or from a checkpoint, on the nodes of <paramref name="placement"/>.</summary>
    private async Task<Attempt> AttemptAsync(
        CompiledRun run, RestorePlan? from, Address[] placement, string attemptId, string?[] tags, CheckpointLedger? ledger, RunExecution execution, Stopwatch clock,
        CancellationToken cancellation)
    {
        var spec = from?.From is { } snapshot ? run.Spec with { Snapshot = snapshot, DurationSeconds = run.Spec.EndsAt - snapshot.AsOf } : run.Spec;
        var specJson = RunSpecJson.Write(spec);
        var frame = client.System.Settings.Config.GetByteSize("akka.remote.dot-netty.tcp.maximum-frame-size") ?? 128_000;
        var nodes = placement.Distinct().ToArray();
        var offers = nodes.Select(node =>
        {
            var lines = Enumerable.Range(0, placement.Length).Where(i => placement[i] == node).ToArray();
            return (Node: node, Offer: new LinesOffered(attemptId, specJson, lines, tags, ledger is not null, from is not null));
        }).ToArray();
        var size = System.Text.Encoding.UTF8.GetByteCount(specJson);
        if (size > frame - 4096)
        {
            var error = new ClusterRunException(
                $"the run's description (its model and {(from is null ? "snapshot" : "the checkpoint's snapshot")}) is {size:N0} bytes, more than a message between nodes holds ({frame:N0}): " +
                "raise akka.remote.dot-netty.tcp.maximum-frame-size on every node and the client (--config, --cluster-config)");
            if (from is null)
            {
                throw error;
            }

            return new Attempt([], [], null, error, clock.Elapsed, TimeSpan.Zero, clock.Elapsed);
        }

        // A restored line's egress state (its pending records: megabytes at times) goes in parts below the frame size.
        var part = (int)Math.Max(1024, Math.Min(256 * 1024, frame / 2));

        var prepared = new List<Address>();
        var offered = new List<Address>();
        var preparedAfter = TimeSpan.Zero;
        try
        {
            foreach (var (node, offer) in offers)
            {
                // Offered: lost before it answers, it is named with its lines like a node lost midway.
                offered.Add(node);
                foreach (var line in from is null ? [] : offer.Lines)
                {
                    var state = from!.Resume[line];
                    for (var offset = 0; offset == 0 || offset < state.Length; offset += part)
                    {
                        var bytes = state.AsSpan(offset, Math.Min(part, state.Length - offset)).ToArray();
                        var stored = await AskWhileUpAsync<LinesPrepared>(node, new LineStatePart(attemptId, line, offset, state.Length, bytes), cancellation).ConfigureAwait(false);
                        if (stored.Error is { } refused)
                        {
                            throw new ClusterRunException($"worker node {node} refused line {run.Plant.Lines[line].SimId}'s egress state: {refused}");
                        }
                    }
                }

                var reply = await AskWhileUpAsync<LinesPrepared>(node, offer, cancellation).ConfigureAwait(false);
                if (reply.Error is { } error)
                {
                    throw new ClusterRunException($"worker node {node} refused the run: {error}");
                }

                prepared.Add(node);
            }

            preparedAfter = clock.Elapsed;
            var settings = ActorRunnerSettings.FromConfig(client.System.Settings.Config) with { Factor = spec.Factor, LogicalStart = spec.Start, GoLiveAt = spec.GoLiveAt };
            var options = RunExecutor.PlantOptions(run, execution, cancellation) with { From = spec.Snapshot };
            RunCheckpoints? checkpoints = null;
            if (ledger is not null && CheckpointEvery is { } every)
            {
                var times = Enumerable.Range(1, (int)Math.Min(int.MaxValue - 1, Math.Ceiling((spec.EndsAt - run.Spec.StartsAt) / every)))
                    .Select(k => run.Spec.StartsAt + (k * every)).Where(t => t > spec.StartsAt && t < spec.EndsAt).ToArray();
                checkpoints = new RunCheckpoints(times, ledger.Add);
            }

            await using var host = ActorSimHost.Over(client.System, settings);
            var handle = await host.StartRunAsync(
                run.Plant, options, line => throw new InvalidOperationException($"The line {line.SimId} must run on a worker node, not on the client."),
                settings, attemptId, cancellation, i => placement[i], checkpoints).ConfigureAwait(false);
            var stats = await WithProgressAsync(handle, run.Spec, execution, clock).ConfigureAwait(false);
            return new Attempt(prepared, offered, stats, null, preparedAfter, clock.Elapsed - preparedAfter, clock.Elapsed);
        }
        catch (ClusterRunException) when (prepared.Count == 0 && from is null)
        {
            throw;
        }
#pragma warning disable CA1031 // The failure is the caller's to judge: recovered from, or thrown once the lines' output is counted.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new Attempt(prepared, offered, null, e, preparedAfter, clock.Elapsed - preparedAfter, clock.Elapsed);
        }
    }

    /// <summary>
    /// Removes what writers killed mid-store left in the destinations (temporary files never renamed, unfinished
    /// uploads), as a new run does: a lost node's chunks are stored again whole by the replay.
    /// </summary>
    private static async Task RemoveLeftoversAsync(CompiledRun run, CancellationToken cancellation)
    {
        foreach (var destination in run.Spec.Sinks.Select(s => s.Destination).Distinct(StringComparer.Ordinal))
        {
            await run.CreateStore(destination).RemoveLeftoversAsync(cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>One try's end: the nodes that built it and those offered lines, its stats or failure, and when it was prepared and ended.</summary>
    private sealed record Attempt(IReadOnlyList<Address> Prepared, IReadOnlyList<Address> Offered, ActorRunStats? Stats, Exception? Failure, TimeSpan PreparedAfter, TimeSpan Ran, TimeSpan RanUntil);

    private static LineTraffic Sum(LineTraffic a, LineTraffic b) =>
        a with { MessagesSent = a.MessagesSent + b.MessagesSent, BytesSent = a.BytesSent + b.BytesSent, MessagesReceived = a.MessagesReceived + b.MessagesReceived, BytesReceived = a.BytesReceived + b.BytesReceived };

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
    /// The nodes a failed attempt lost. A line's actor can be known dead (its node quarantined) a moment before the
    /// cluster calls the node unreachable: a failure that says so waits for the cluster, up to <see cref="LossAgreement"/>.
    /// </summary>
    private async Task<Address[]> LostNodesAsync(Attempt attempt)
    {
        var lost = LostNodes(attempt.Offered);
        // A line whose actor is gone (its node quarantined, or its death seen as a stop): the cluster may not agree yet.
        var nodeGone = attempt.Failure is ActorSim.Model.Plants.LineFailedException { HostLost: true };
        for (var waited = Stopwatch.StartNew(); lost.Length == 0 && nodeGone && waited.Elapsed < LossAgreement; lost = LostNodes(attempt.Offered))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
        }

        return lost;
    }

    /// <summary>The worker nodes among <paramref name="nodes"/> that the cluster no longer has Up and reachable.</summary>
    private Address[] LostNodes(IReadOnlyList<Address> nodes)
    {
        var state = Akka.Cluster.Cluster.Get(client.System).State;
        return nodes.Where(node =>
            !state.Members.Any(m => m.Address == node && m.Status == MemberStatus.Up) || state.Unreachable.Any(m => m.Address == node)).ToArray();
    }

    /// <summary>The lost nodes, each with the lines it hosted, as one sentence; null when none was lost.</summary>
    private static string? LostText(Address[] lost, Address[] placement, CompiledRun run, bool checkpoints) =>
        lost.Length == 0
            ? null
            : "the run cannot go on without " + string.Join(" and ", lost.Select(node =>
                $"worker node {node}, which hosted {string.Join(", ", run.Plant.Lines.Where((_, i) => placement[i] == node).Select(l => l.SimId))}")) +
              (checkpoints ? " (lost before the first checkpoint: nothing to restore its lines from)" : " (lost midway; without --checkpoint-every nothing restores its lines)");

    /// <summary>The worker nodes that are Up and reachable, none of <paramref name="lost"/>, once at least <paramref name="minimum"/> are.</summary>
    private async Task<PlacementNode[]> WorkersAsync(int minimum, IReadOnlySet<Address> lost, CancellationToken cancellation)
    {
        var cluster = Akka.Cluster.Cluster.Get(client.System);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var state = cluster.State;
            var workers = state.Members
                .Where(m => m.Status == MemberStatus.Up && m.HasRole(ClusterNodeSettings.WorkerRole) && !lost.Contains(m.Address) && !state.Unreachable.Contains(m))
                .Select(m => new PlacementNode(m.Address, m.Roles)).ToArray();
            if (workers.Length >= minimum)
            {
                return workers;
            }

            if (waited.Elapsed > WorkerWait)
            {
                throw new ClusterRunException(
                    $"{(workers.Length == 0 ? "no node with role worker" : $"only {workers.Length} of {minimum} worker nodes")} came up within {WorkerWait.TotalSeconds:0} s" +
                    (lost.Count > 0 ? $" after the loss of {string.Join(" and ", lost)}" : string.Empty) + "; start workers with `actorsim node --roles worker --seed-nodes ...`");
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

    /// <summary>
    /// Asks <paramref name="node"/>'s plant host, giving up as soon as the cluster no longer has the node Up (downed,
    /// leaving, removed): its answer may never come, and waiting for the ask's timeout would only hide which node it was.
    /// </summary>
    private async Task<T> AskWhileUpAsync<T>(Address node, object message, CancellationToken cancellation)
    {
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var ask = PlantHost(node).Ask<T>(message, AskTimeout, abandon.Token);
        var cluster = Akka.Cluster.Cluster.Get(client.System);
        while (await Task.WhenAny(ask, Task.Delay(NodeWatchInterval, CancellationToken.None)).ConfigureAwait(false) != ask)
        {
            if (!cluster.State.Members.Any(m => m.Address == node && m.Status == MemberStatus.Up))
            {
                await abandon.CancelAsync().ConfigureAwait(false);
                throw new NodeLostException(node);
            }
        }

        return await ask.ConfigureAwait(false);
    }

    private ActorSelection PlantHost(Address node) => client.System.ActorSelection(new RootActorPath(node) / "user" / NodeActors.PlantHostName);
}
