using System.CommandLine;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;
using ActorSim.Actors;
using ActorSim.Cli.CommandLine;
using ActorSim.Cli.Forecast;
using ActorSim.Cli.History;
using ActorSim.Cli.Node;
using ActorSim.Cli.Progress;
using ActorSim.Cli.Snapshot;
using ActorSim.Egress.Destinations;
using ActorSim.Egress;
using ActorSim.Egress.Reports;
using ActorSim.Runs;
using ActorSim.Runs.Execution;

namespace ActorSim.Cli;

/// <summary>Parses the command line, runs the command it names, and turns failures into messages and exit codes.</summary>
internal static class CliApplication
{
    public const int Ok = 0;
    public const int RunFailed = 1;
    public const int BadUsage = 2;
    public const int Interrupted = 130;
    public const int Terminated = 143;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, System.Collections.IDictionary environment, CancellationToken cancellation = default) =>
        RunAsync(args, output, error, environment, cancellation, static () => null);

    /// <summary>Runs the command; <paramref name="stoppedBy"/> says which signal cancelled <paramref name="cancellation"/>, if one did.</summary>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, System.Collections.IDictionary environment, CancellationToken cancellation, Func<PosixSignal?> stoppedBy)
    {
        var history = new HistoryCommand();
        history.Command.SetAction((parse, stop) => HistoryAsync(history.Read(parse, environment), output, error, stop));
        var snapshot = new SnapshotCommand();
        snapshot.Command.SetAction((parse, stop) => SnapshotJob.RunAsync(snapshot.Read(parse, environment), output, error, stop));
        var forecast = new ForecastCommand();
        forecast.Command.SetAction((parse, stop) => ForecastJob.RunAsync(forecast.Read(parse, environment), output, error, stop));
        var node = new NodeCommand();
        node.Command.SetAction((parse, stop) => NodeJob.RunAsync(node.Read(parse, environment), output, error, stop));
        var parse = CliCommands.Create(history, snapshot, forecast, node).Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            foreach (var message in ParseErrorText.Messages(parse))
            {
                await error.WriteLineAsync($"actorsim: {message}").ConfigureAwait(false);
            }

            return BadUsage;
        }

        try
        {
            // Exceptions come here to be told and mapped to exit codes; SignalStop, not the parser, handles SIGINT and SIGTERM.
            var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parse.InvokeAsync(invocation, cancellation).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync($"actorsim: {e.Message}").ConfigureAwait(false);
            return BadUsage;
        }
        catch (ActorSim.Snapshots.Database.DatabaseStateException e)
        {
            await error.WriteLineAsync($"actorsim: the snapshot could not be read: {e.Message}").ConfigureAwait(false);
            return RunFailed;
        }
        catch (ActorSim.Cluster.ClusterForecastException e)
        {
            await error.WriteLineAsync($"actorsim: the forecast failed on the cluster: {e.Message}").ConfigureAwait(false);
            return RunFailed;
        }
        catch (ActorSim.Cluster.ClusterRunException e)
        {
            await error.WriteLineAsync($"actorsim: the run could not start on the cluster: {e.Message}").ConfigureAwait(false);
            return RunFailed;
        }
        catch (DestinationUnavailableException e)
        {
            var job = parse.CommandResult.Command.Name == "forecast" ? "the forecast" : "the history run";
            await error.WriteLineAsync($"actorsim: {job} failed before it started: {Describe(e)} No record was produced.").ConfigureAwait(false);
            return RunFailed;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            var signal = stoppedBy();
            var by = signal switch
            {
                PosixSignal.SIGTERM => "by SIGTERM",
                PosixSignal.SIGINT => "by SIGINT (Ctrl+C)",
                _ => "on request",
            };
            await error.WriteLineAsync(
                $"actorsim: the run was stopped {by} before its end; the chunk files written are whole, the records not stored yet were not written.").ConfigureAwait(false);
            return signal == PosixSignal.SIGTERM ? Terminated : Interrupted;
        }
    }

    private static async Task<int> HistoryAsync(HistoryOptions options, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        if (options.CheckpointEvery is not null && options.Cluster is null)
        {
            throw new UsageException("--checkpoint-every needs --cluster: checkpoints let a run on the cluster go on when it loses a worker node; a run in one process has none to lose.");
        }

        if (options.ActorSettings is not null && options.Cluster is not null)
        {
            throw new UsageException("--config sets up the actors of a run in this process; on a cluster the client reads --cluster-config FILE (the same actorsim.actors keys), and each node its own --config.");
        }

        if (options.Placement is not null && options.Cluster is null)
        {
            throw new UsageException("--placement needs --cluster: it places a plant's lines on the cluster's worker nodes; a run in one process runs them all itself.");
        }

        if (options.CheckpointEvery is not null && (options.SnapshotAt is not null || options.SnapshotEvery is not null))
        {
            throw new UsageException("--checkpoint-every and --snapshot-at/--snapshot-every exclude each other on a cluster run: each checkpoint is an exact snapshot already (kept in DEST/_checkpoints/ while the run runs).");
        }

        if (options.Cluster is not null)
        {
            if (options.Engine != RunEngine.Actors)
            {
                throw new UsageException($"--cluster runs the plant's lines as actors on the worker nodes; --engine {options.Engine.ToString().ToLowerInvariant()} runs in this process only.");
            }

            // The worker nodes write into the destination by the path they are given: the one this process means.
            if (options.Destination is { } folder && !folder.StartsWith("s3://", StringComparison.OrdinalIgnoreCase))
            {
                options = options with { Destination = Path.GetFullPath(folder) };
            }
        }

        // The process's one actor host: Akka starts on another core while this thread resolves the run, opens the sinks and builds the plant.
        var request = await HistoryPlanner.WithSnapshotAsync(HistoryPlanner.Request(options), options, cancellation).ConfigureAwait(false);
        await using var host = options.Engine == RunEngine.Actors && options.Cluster is null ? ActorHost.Start(options, HistoryPlanner.IsPlant(request)) : null;
        var run = HistoryPlanner.Compile(HistoryPlanner.Resolve(request), options);
        var spec = run.Spec;
        var single = spec.Layout == LineLayout.Single;
        var engine = single && spec.Engine != RunEngine.Actors ? "reference" : spec.Engine.ToString().ToLowerInvariant();
        var description = new RunDescription(RunDescription.NewRunId(), run.Name, run.ModelDefinition, spec.Seed, spec.Start, spec.DurationSeconds, engine);
        RunDestinations outputs;
        try
        {
            outputs = await RunDestinations.OpenAsync(run, description, cancellation).ConfigureAwait(false);
        }
        catch (DestinationException e)
        {
            // Used, locked or not ActorSim's: bad usage (exit 2), nothing was written.
            throw new UsageException(e.Message);
        }

        await using var destinations = outputs;
        // On a cluster this process is a client node: it holds the coordinator; the lines run on the worker nodes.
        var client = options.Cluster is { } seeds ? Node.ClientNode.Join(seeds, options.ClusterHost, options.ClusterConfig, options.LogLevel) : null;
        await using var leave = client is null ? null : new LeaveOnDispose(client);
        output.WriteLine(Headline(run, description.RunId));
        return await RunJobAsync(output, error, outputs, cancellation, async () =>
        {
            var reporter = Reporter(options.Progress, error);
            var execution = new RunExecution
            {
                SinksFor = outputs.SinksFor,
                Host = host,
                RunId = description.RunId,
                Progress = sample => reporter.Report(sample.SimulatedSeconds, sample.DurationSeconds, sample.Records, sample.Elapsed),
                SnapshotWritten = (location, snapshot) =>
                    output.WriteLine($"snapshot at t={ActorSim.Engine.SimTime.Format(snapshot.AsOf, snapshot.Start)} ({snapshot.Lines.Sum(l => l.Tasks.Count)} tasks in progress) written to {location}"),
            };
            RunOutcome outcome;
            IReadOnlyList<(string Line, string Node)>? placement = null;
            IReadOnlyList<(string Line, ActorSim.Actors.LineTraffic Traffic)>? traffic = null;
            string? networkWarning = null;
            try
            {
                if (client is null)
                {
                    outcome = await RunExecutor.RunAsync(run, execution, cancellation).ConfigureAwait(false);
                }
                else
                {
                    var runner = new ActorSim.Cluster.ClusterPlantRunner(client)
                    {
                        MinWorkers = options.ClusterWorkers,
                        CheckpointEvery = options.CheckpointEvery,
                        Placement = options.Placement ?? ActorSim.Cluster.PlacementRule.Spread,
                        Recovering = recovery => error.WriteLine($"actorsim: {RecoveryText(run, recovery)}"),
                    };
                    var spread = await runner.RunAsync(run, outputs, description.RunId, execution, cancellation).ConfigureAwait(false);
                    (outcome, placement, traffic, networkWarning) = (spread.Outcome, spread.Placement, spread.Traffic, spread.NetworkWarning);
                    output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"cluster: {spread.Placement.Select(p => p.Node).Distinct().Count()} worker node(s) built the run in {spread.Prepared.TotalSeconds:0.000} s; the run took {spread.Ran.TotalSeconds:0.000} s; the lines' chunks were collected in {spread.Collected.TotalSeconds:0.000} s"));
                    if (options.CheckpointEvery is not null)
                    {
                        output.WriteLine($"checkpoints: {spread.Checkpoints} taken; {(spread.Recoveries.Count == 0 ? "no node lost" : $"{spread.Recoveries.Count} recover{(spread.Recoveries.Count == 1 ? "y" : "ies")}")}");
                    }

                    if (spread.CheckpointCopyError is { } copy)
                    {
                        error.WriteLine($"actorsim: warning: {copy}");
                    }

                    foreach (var recovery in spread.Recoveries)
                    {
                        output.WriteLine($"recovered: {RecoveryText(run, recovery)}");
                    }
                }
            }
            finally
            {
                reporter.Finish();
            }

            foreach (var (line, node) in placement ?? [])
            {
                var wire = traffic?.FirstOrDefault(t => t.Line == line).Traffic;
                output.WriteLine(wire is null
                    ? $"line {line} ran on {node}"
                    : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"line {line} ran on {node}: {wire.MessagesReceived:N0} messages ({wire.BytesReceived / 1e6:0.00} MB) to the coordinator, {wire.MessagesSent:N0} ({wire.BytesSent / 1e6:0.00} MB) from it"));
            }

            if (networkWarning is not null)
            {
                error.WriteLine($"actorsim: warning: {networkWarning}");
            }

            WriteSummary(output, run, outcome, engine);
            var reports = new List<(string Line, SinkReport Report)>();
            foreach (var (line, report) in outcome.Lines)
            {
                foreach (var sink in report.Sinks)
                {
                    reports.Add((line, sink));
                }
            }

            return reports;
        }).ConfigureAwait(false);
    }

    /// <summary>What a recovery lost, when, and what it replayed, as a sentence.</summary>
    private static string RecoveryText(CompiledRun run, ActorSim.Cluster.ClusterRecovery recovery)
    {
        var start = run.Spec.Start;
        var lostAt = double.IsNaN(recovery.LostAt) ? "midway" : $"at t={ActorSim.Engine.SimTime.Format(recovery.LostAt, start)}";
        var replayed = double.IsNaN(recovery.LostAt) ? string.Empty : $", replaying {ProgressText.SimulatedTime(recovery.LostAt - recovery.RestoredFrom)} of simulated time";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"lost worker node {string.Join(" and ", recovery.Nodes)} (lines {string.Join(", ", recovery.Lines)}) {lostAt}, {recovery.After.TotalSeconds:0.0} s into the run; ") +
            $"every line went back to {(recovery.RestoredFrom <= run.Spec.StartsAt ? "the run's start" : $"the checkpoint at t={ActorSim.Engine.SimTime.Format(recovery.RestoredFrom, start)}")} " +
            $"on the nodes still up{replayed}, storing only the chunks after the checkpoint at t={ActorSim.Engine.SimTime.Format(recovery.Stored, start)}";
    }

    /// <summary>Leaves the cluster when the history run is done (its manifests written), as <c>await using</c> does.</summary>
    private sealed class LeaveOnDispose(ActorSim.Cluster.ActorSimNode node) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await Node.ClientNode.LeaveAsync(node).ConfigureAwait(false);
    }

    /// <summary>The line that opens a run's output: what runs, from when, for how long, where its records go, under which id.</summary>
    private static string Headline(CompiledRun run, string runId)
    {
        var spec = run.Spec;
        var span = $"seed {spec.Seed}, {ProgressText.SimulatedTime(spec.DurationSeconds)} from {spec.Start:yyyy-MM-ddTHH:mm:ss.fff}";
        if (spec.Layout == LineLayout.Single)
        {
            return $"actorsim history: {run.Plant.Lines[0].SimId}, {span}, to {string.Join(", ", spec.Destinations)} (run {runId})";
        }

        var destination = spec.Sinks[0].Destination;
        var layout = spec.Layout == LineLayout.Merged ? $"{destination}/ (merged, chunk names carry the line)" : $"{destination}/line=<sim_id>/";
        var lines = run.Plant.Lines.Count;
        return $"actorsim history: plant of {lines} line{(lines == 1 ? "" : "s")}, {span}, to {layout} (run {runId})";
    }

    /// <summary>The run's summary: a single line's or a plant's, as tables on a terminal, else as plain lines.</summary>
    private static void WriteSummary(TextWriter output, CompiledRun run, RunOutcome outcome, string engine)
    {
        var terminal = Terminal.Is(output);
        if (run.Spec.Layout != LineLayout.Single)
        {
            if (terminal)
            {
                PlantSummary.Render(Terminal.ConsoleFor(output), run, outcome);
            }
            else
            {
                PlantSummary.Write(output, run, outcome);
            }

            return;
        }

        var result = new HistoryResult(
            outcome.Lines[0].Report, outcome.Tasks, outcome.Stats.ProcessedEvents, outcome.Records, outcome.Elapsed, run.Spec.Start, run.Spec.DurationSeconds, engine);
        if (terminal)
        {
            HistorySummary.Render(Terminal.ConsoleFor(output), result);
        }
        else
        {
            HistorySummary.Write(output, result);
        }
    }

    /// <summary>
    /// Runs a job and writes its manifests: Ok when it ends; RunFailed, printing the cause chain once, when it throws.
    /// Once <paramref name="cancellation"/> is cancelled, whatever the job throws is the stop's doing (a wait or a store
    /// cut short): the manifests record a stopped run and an <see cref="OperationCanceledException"/> propagates.
    /// Usage errors propagate.
    /// </summary>
    private static async Task<int> RunJobAsync(
        TextWriter output, TextWriter error, RunDestinations outputs, CancellationToken cancellation, Func<Task<List<(string Line, SinkReport Report)>>> job)
    {
        try
        {
            var reports = await job().ConfigureAwait(false);
            foreach (var line in ManifestLines(await outputs.CompleteAsync(RunStatus.Succeeded, null, reports).ConfigureAwait(false), RunStatus.Succeeded))
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            return Ok;
        }
        catch (Exception e) when (cancellation.IsCancellationRequested && e is not UsageException)
        {
            foreach (var line in ManifestLines(await outputs.CompleteAsync(RunStatus.Stopped, "stopped before its end on request", null).ConfigureAwait(false), RunStatus.Stopped))
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            if (e is OperationCanceledException)
            {
                throw;
            }

            throw new OperationCanceledException("The run was stopped before its end.", e, cancellation);
        }
        catch (Exception e) when (e is not OperationCanceledException and not UsageException)
        {
            var message = Describe(e);
            await error.WriteLineAsync($"actorsim: the history run failed: {message}").ConfigureAwait(false);
            // The counts of the run's sinks when they were taken after it stopped; the chunks stored are listed either way.
            var reports = e is RunExecutionException run ? run.SinkReports : null;
            foreach (var line in ManifestLines(await outputs.CompleteAsync(RunStatus.Failed, message, reports).ConfigureAwait(false), RunStatus.Failed))
            {
                await output.WriteLineAsync(line).ConfigureAwait(false);
            }

            return RunFailed;
        }
    }

    /// <summary>A line per destination: its manifest written (run, status, chunks), or why it could not be.</summary>
    private static IEnumerable<string> ManifestLines(IReadOnlyList<ManifestOutcome> manifests, RunStatus status) => manifests.Select(manifest => manifest.Entry is { } entry
        ? $"manifest: {manifest.Destination.TrimEnd('/')}/{DestinationSession.ManifestFile} (run {entry.RunId}, {status.ToString().ToLowerInvariant()}, {entry.Chunks.Count:N0} chunks)"
        : $"manifest: could not be written to '{manifest.Destination}' ({manifest.Error}); treat its chunks as incomplete.");

    /// <summary>A live bar when <paramref name="error"/> is a terminal and the mode is auto; log lines when it is not, or plain; else nothing.</summary>
    private static IProgressReporter Reporter(ProgressMode mode, TextWriter error) => mode switch
    {
        ProgressMode.None => NoProgress.Instance,
        ProgressMode.Auto when Terminal.Is(error) => new LiveProgress(Terminal.ConsoleFor(error)),
        _ => new LogProgress(error, TimeSpan.FromSeconds(5)),
    };

    /// <summary>The failure once: the line and simulated time, the cause chain without repeats, the whole run's records.</summary>
    private static string Describe(Exception e) => FailureText.Describe(e);
}
