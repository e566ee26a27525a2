using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ActorSim.Actors.Internal;
using ActorSim.Actors.Messages;
using ActorSim.Egress.Destinations;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;
using Akka.Actor;

namespace ActorSim.Actors;

/// <summary>
/// The process's one <see cref="ActorSystem"/>, hosting many runs at once. Each run has a coordinator of its own,
/// <c>/user/run-&lt;id&gt;</c>, whose children are the run's lines (and theirs, its egress actors): a run that fails or
/// is stopped stops only its own actors. The system is created on a background thread from <see cref="Start"/> on,
/// so Akka's start (about 0.2 s in a fresh process) overlaps the caller's preparation.
/// </summary>
/// <example><code>
/// await using var host = ActorSimHost.Start(ActorRunnerSettings.FromFile("node.conf"));
/// var run = await host.StartRunAsync(plant, seed: 42, until: 86400, PerLineEgress.SinkFor(start, sinks));
/// ActorRunStats stats = await run.Completion;
/// </code></example>
public sealed partial class ActorSimHost : IAsyncDisposable
{
    /// <summary>How long a run waits for the coordinator name of an ended run with its id to be freed.</summary>
    private static readonly TimeSpan NameReleaseWait = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan NameReleasePoll = TimeSpan.FromMilliseconds(10);

    private readonly Task<ActorSystem> _system;
    private readonly ConcurrentDictionary<string, RunHandle> _runs = new(StringComparer.Ordinal);
    private readonly Lock _starting = new();
    private long _awaiters;
    private int _disposed;

    /// <summary>False for a host over a system someone else owns (a cluster node's): disposing it leaves the system running.</summary>
    private readonly bool _ownsSystem = true;

    private ActorSimHost(ActorRunnerSettings settings, Func<ActorSystem> create)
    {
        Settings = settings;
        _system = Task.Run(create);
    }

    private ActorSimHost(ActorRunnerSettings settings, ActorSystem system)
    {
        Settings = settings;
        _system = Task.FromResult(system);
        _ownsSystem = false;
    }

    /// <summary>The settings the system was created with; a run's own settings must give the same system (<see cref="ActorRunnerSettings.StartsTheSameSystemAs"/>).</summary>
    public ActorRunnerSettings Settings { get; }

    /// <summary>The runs in progress.</summary>
    public IReadOnlyCollection<RunHandle> Runs => (IReadOnlyCollection<RunHandle>)_runs.Values;

    /// <summary>Starts creating the system for <paramref name="settings"/> (checked at once; default: the reference configuration) on a background thread.</summary>
    public static ActorSimHost Start(ActorRunnerSettings? settings = null)
    {
        settings ??= ActorRunnerSettings.Default;
        settings.Validate();
        return new ActorSimHost(settings, () => ActorSystem.Create("actorsim", settings.ToConfig()));
    }

    /// <summary>
    /// A host over <paramref name="system"/>, which its owner created with <paramref name="settings"/>'s configuration
    /// (a cluster node's system, whose configuration holds the actor layer's): runs start on it as on a host of its own,
    /// and disposing the host stops its runs but leaves the system to its owner.
    /// </summary>
    public static ActorSimHost Over(ActorSystem system, ActorRunnerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        return new ActorSimHost(settings, system);
    }

    /// <summary>
    /// Starts running <paramref name="plant"/> with run seed <paramref name="seed"/> until <paramref name="until"/>, each
    /// line's records to <c>sinkFor(line)</c> (see <see cref="ActorPlantRunner.RunAsync(ulong, double, Func{LineModel, IRecordSink}, CancellationToken)"/>),
    /// under the id <paramref name="runId"/> (letters, digits, <c>-_.:</c>; default a new one), with
    /// <paramref name="settings"/> for its actors (default: the host's). <paramref name="cancellationToken"/> stops it.
    /// </summary>
    public Task<RunHandle> StartRunAsync(
        PlantModel plant, ulong seed, double until, Func<LineModel, IRecordSink> sinkFor,
        ActorRunnerSettings? settings = null, string? runId = null, CancellationToken cancellationToken = default)
    {
        if (!(until > 0) || double.IsInfinity(until))
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, "A plant runs from 0 until a finite time after 0.");
        }

        return StartRunAsync(plant, new PlantRunOptions { Seed = seed, Until = until }, sinkFor, settings, runId, cancellationToken);
    }

    /// <summary>
    /// As the other overload, as <paramref name="options"/> say: from 0 or from a snapshot's state, until its end, taking
    /// a snapshot on the way if asked (its callback runs on the coordinator's thread, the lines standing at its instant).
    /// <paramref name="placement"/> names the node each line is deployed on (remote deployment: the line is the
    /// coordinator's child, created in that node's system, which must hold the run's materials); null, or a null
    /// address, keeps a line in this system. <paramref name="checkpoints"/> takes consistent checkpoints on the way
    /// (every line at the instant, its egress settled), instead of the snapshots of <paramref name="options"/>.
    /// </summary>
    public async Task<RunHandle> StartRunAsync(
        PlantModel plant, PlantRunOptions options, Func<LineModel, IRecordSink> sinkFor,
        ActorRunnerSettings? settings = null, string? runId = null, CancellationToken cancellationToken = default, Func<int, Address?>? placement = null,
        RunCheckpoints? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(plant);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sinkFor);
        options.Check();
        if (checkpoints is not null && options.SnapshotTimes.Count > 0)
        {
            throw new ArgumentException("A run takes snapshots or checkpoints, not both: checkpoints are exact snapshots already.", nameof(checkpoints));
        }

        if (checkpoints is not null && checkpoints.Times.Any(t => !(t > options.StartsAt) || t >= options.Until))
        {
            throw new ArgumentOutOfRangeException(nameof(checkpoints), $"Checkpoints are taken after the run's start ({options.StartsAt}) and before its end ({options.Until}).");
        }
        var (seed, until) = (options.Seed, options.Until);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        settings ??= Settings;
        settings.Validate();
        if (!settings.StartsTheSameSystemAs(Settings))
        {
            throw new ArgumentException(
                $"The run's settings give another actor system than the host's (log level, logger, serialization, line threads, configuration): {settings} vs {Settings}.",
                nameof(settings));
        }

        runId ??= RunDescription.NewRunId();
        if (!RunIdPattern().IsMatch(runId))
        {
            throw new ArgumentException($"The run id '{runId}' must be 1 to 100 letters, digits, '-', '_', '.' or ':'.", nameof(runId));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var system = await _system.ConfigureAwait(false);
        var simIds = plant.Lines.Select(l => l.SimId).ToArray();
        var core = new SyncCoordinatorCore(plant.CreateSchedule(until));
        LineStarter startLine = (context, line) =>
        {
            var props = LineActor.Props(runId, line, settings).WithDispatcher(ActorRunnerSettings.LineDispatcherId);
            if (placement?.Invoke(line) is { } node)
            {
                props = props.WithDeploy(Deploy.None.WithScope(new RemoteScope(node)).WithDispatcher(ActorRunnerSettings.LineDispatcherId));
            }

            return context.ActorOf(props, "line-" + line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        };
        var outcome = new TaskCompletionSource<IActorSimMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var completion = new TaskCompletionSource<ActorRunStats>(TaskCreationOptions.RunContinuationsAsynchronously);
        IActorRef? coordinator = null;
        RunHandle? handle = null;
        // A run that has ended frees its coordinator's name when the guardian has seen it stop, a moment after the run's
        // completion: a new run under the same id waits for that (at most NameReleaseWait) rather than fail.
        for (var waited = TimeSpan.Zero; coordinator is null; waited += NameReleasePoll)
        {
            lock (_starting)
            {
                if (_runs.ContainsKey(runId))
                {
                    throw new ArgumentException($"A run with the id '{runId}' is in progress on this host; give each run its own id.", nameof(runId));
                }

                // The lines find their plant and sinks on this node by the run id; only that id travels in their props.
                NodeRuns.For(system).Add(runId, new RunMaterials(plant, seed, sinkFor, options.From));
                try
                {
                    coordinator = system.ActorOf(
                        CoordinatorActor.Props(runId, core, simIds, startLine, settings, snapshot: SnapshotRequestOf(plant, options, settings, checkpoints)).WithDispatcher(ActorRunnerSettings.CoordinatorDispatcherId), "run-" + runId);
                    handle = new RunHandle(runId, coordinator, completion.Task);
                    _runs[runId] = handle;
                }
                catch (InvalidActorNameException) when (waited < NameReleaseWait)
                {
                    NodeRuns.For(system).Remove(runId);
                }
                catch
                {
                    NodeRuns.For(system).Remove(runId);
                    throw;
                }
            }

            if (coordinator is null)
            {
                await Task.Delay(NameReleasePoll, cancellationToken).ConfigureAwait(false);
            }
        }

        var registration = cancellationToken.Register(() => coordinator.Tell(new Messages.Stop(runId)));
        system.ActorOf(RunAwaiter.Props(runId, coordinator, outcome, ended), "awaiter-" + Interlocked.Increment(ref _awaiters).ToString(System.Globalization.CultureInfo.InvariantCulture));
        _ = CompleteAsync(system, runId, outcome.Task, ended.Task, registration, completion, cancellationToken);
        return handle!;
    }

    /// <summary>
    /// Stops the runs still in progress (their egress stores what it holds), waits for them, writes out what the
    /// loggers hold and terminates the system. A system that failed to start leaves nothing to terminate.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        ActorSystem system;
        try
        {
            system = await _system.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever stopped Akka's start was reported to the run that needed the system.
        catch (Exception)
#pragma warning restore CA1031
        {
            return;
        }

        foreach (var run in _runs.Values)
        {
            run.Stop();
        }

        foreach (var run in _runs.Values)
        {
            await Task.WhenAny(run.Completion).ConfigureAwait(false);
        }

        if (!_ownsSystem)
        {
            return;
        }

        await LoggerFlush.FlushAsync(system, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        await system.Terminate().ConfigureAwait(false);
    }

    /// <summary>A host whose system comes from <paramref name="create"/>, for tests of a start that fails.</summary>
    internal static ActorSimHost StartForTests(ActorRunnerSettings settings, Func<ActorSystem> create) => new(settings, create);

    /// <summary>The system being created, for tests.</summary>
    internal Task<ActorSystem> SystemForTests => _system;

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,100}$")]
    private static partial Regex RunIdPattern();

    private async Task CompleteAsync(
        ActorSystem system, string runId, Task<IActorSimMessage> outcome, Task ended, CancellationTokenRegistration registration, TaskCompletionSource<ActorRunStats> completion,
        CancellationToken cancellationToken)
    {
        var message = await outcome.ConfigureAwait(false);
        await ended.ConfigureAwait(false);
        await registration.DisposeAsync().ConfigureAwait(false);
        NodeRuns.For(system).Remove(runId);
        _runs.TryRemove(runId, out _);
        switch (message)
        {
            case RunCompleted completed:
                completion.TrySetResult(completed.Stats);
                break;
            case RunStopped:
                completion.TrySetException(new OperationCanceledException($"The run {runId} was stopped before its end time.", cancellationToken));
                break;
            case RunFailed failed when cancellationToken.IsCancellationRequested:
                completion.TrySetException(new OperationCanceledException($"The run {runId} was stopped before its end time: {failed.Reason}", cancellationToken));
                break;
            case RunFailed { SimId: { } simId } failed:
                completion.TrySetException(new LineFailedException(simId, failed.SimulatedTime, failed.Reason) { HostLost = failed.LineGone });
                break;
            case RunFailed failed:
                completion.TrySetException(new InvalidOperationException(failed.Reason));
                break;
            default:
                completion.TrySetException(new InvalidOperationException($"The run {runId} ended with an unexpected message {message.GetType().Name}."));
                break;
        }
    }

    private static SnapshotRequest? SnapshotRequestOf(PlantModel plant, PlantRunOptions options, ActorRunnerSettings settings, RunCheckpoints? checkpoints) =>
        checkpoints is { Times.Count: > 0 }
            ? new SnapshotRequest(checkpoints.Times, plant, options.ModelName, settings.LogicalStart ?? options.LogicalStart, options.Seed, _ => { }, checkpoints.Taken)
            : options.SnapshotTimes.Count > 0
            ? new SnapshotRequest(options.SnapshotTimes, plant, options.ModelName, settings.LogicalStart ?? options.LogicalStart, options.Seed, options.SnapshotTaken ?? (_ => { }))
            : null;
}
