using ActorSim.Actors.Internal;
using ActorSim.Actors.Messages;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;
using Akka.Actor;

namespace ActorSim.Actors;

/// <summary>
/// Runs a plant on Akka.NET: one actor per line on a dispatcher of <see cref="ActorRunnerSettings.Parallelism"/>
/// threads, a coordinator actor under conservative synchronization, in an <see cref="ActorSystem"/> of its own per
/// run. Writes, per line, exactly the records of <see cref="SequentialPlantRunner"/>.
/// </summary>
/// <example><code>
/// var runner = new ActorPlantRunner(ReferenceModels.TwoStagePlant(), parallelism: 2);
/// RunStats stats = runner.RunWithStats(seed: 42, until: 3600, PerLineEgress.SinkFor(logicalStart, [historySink]));
/// </code></example>
public sealed class ActorPlantRunner : IPlantRunner
{
    /// <summary>Creates a runner for <paramref name="plant"/> with <paramref name="settings"/> (default: the reference configuration).</summary>
    public ActorPlantRunner(PlantModel plant, ActorRunnerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(plant);
        Plant = plant;
        Settings = settings ?? ActorRunnerSettings.Default;
        Settings.Validate();
    }

    /// <summary>Creates a runner for <paramref name="plant"/> whose lines run on <paramref name="parallelism"/> threads (0: one per core).</summary>
    public ActorPlantRunner(PlantModel plant, int parallelism)
        : this(plant, ActorRunnerSettings.Default with { Parallelism = parallelism })
    {
    }

    /// <summary>The plant this runner runs.</summary>
    public PlantModel Plant { get; }

    /// <summary>The settings each run's ActorSystem starts from.</summary>
    public ActorRunnerSettings Settings { get; }

    /// <inheritdoc />
    public PlantRunStats Run(ulong seed, double until, Func<LineModel, IRecordSink> sinkFor) => Run(seed, until, sinkFor, CancellationToken.None);

    /// <inheritdoc />
    public PlantRunStats Run(ulong seed, double until, Func<LineModel, IRecordSink> sinkFor, CancellationToken cancellationToken)
    {
        var stats = RunAsync(seed, until, sinkFor, cancellationToken).GetAwaiter().GetResult();
        return new PlantRunStats(stats.Rounds, stats.Grants, stats.ProcessedEvents, stats.ItemsSent);
    }

    /// <summary>Runs the plant and blocks until it is over; see <see cref="RunAsync(ulong, double, Func{LineModel, IRecordSink}, CancellationToken)"/>.</summary>
    public RunStats RunWithStats(ulong seed, double until, Func<LineModel, IRecordSink> sinkFor) =>
        RunAsync(seed, until, sinkFor, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// Runs the plant with run seed <paramref name="seed"/> until <paramref name="until"/>, each line's records to
    /// <c>sinkFor(line)</c> (an <see cref="ActorEgress"/> gets egress actors, drained by its line at the end; any other
    /// sink that is <see cref="IAsyncDisposable"/> is disposed then). Throws a
    /// <see cref="LineFailedException"/> naming the line and time when a line fails or goes silent, an
    /// <see cref="InvalidOperationException"/> for other failures, and <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> stops the run: lines stop at their next slice; an <see cref="ActorEgress"/> made
    /// with the same token then stores nothing more (its stores in flight are cancelled: a chunk is stored whole or not
    /// at all), other sinks are drained.
    /// </summary>
    public Task<RunStats> RunAsync(ulong seed, double until, Func<LineModel, IRecordSink> sinkFor, CancellationToken cancellationToken) =>
        RunAsync(seed, until, sinkFor, null, cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync(ulong, double, Func{LineModel, IRecordSink}, CancellationToken)"/>, on the system of
    /// <paramref name="launch"/> when given (started earlier with settings that give the same system, see
    /// <see cref="ActorRunnerSettings.StartsTheSameSystemAs"/>): the run takes it over.
    /// </summary>
    public async Task<RunStats> RunAsync(ulong seed, double until, Func<LineModel, IRecordSink> sinkFor, ActorSystemLaunch? launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sinkFor);
        if (launch is not null && !launch.Settings.StartsTheSameSystemAs(Settings))
        {
            throw new ArgumentException(
                $"The launch was started with other system settings than this runner's (log level, logger, serialization, line threads): {launch.Settings} vs {Settings}.",
                nameof(launch));
        }

        if (!(until > 0) || double.IsInfinity(until))
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, "A plant runs from 0 until a finite time after 0.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var simIds = Plant.Lines.Select(l => l.SimId).ToArray();
        var core = new SyncCoordinatorCore(Plant.CreateSchedule(until));
        var settings = Settings;
        var plant = Plant;
        LineStarter startLine = (context, line) => context.ActorOf(
            LineActor.Props(plant, line, seed, sinkFor, settings).WithDispatcher(ActorRunnerSettings.LineDispatcherId),
            "line-" + line.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var system = launch is null ? ActorSystem.Create("actorsim", settings.ToConfig()) : await launch.TakeAsync().ConfigureAwait(false);
        try
        {
            var coordinator = system.ActorOf(CoordinatorActor.Props(core, simIds, startLine, settings).WithDispatcher(ActorRunnerSettings.CoordinatorDispatcherId), "coordinator");
            var outcome = new TaskCompletionSource<IActorSimMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            system.ActorOf(RunAwaiter.Props(coordinator, outcome), "run");
            await using var registration = cancellationToken.Register(() => coordinator.Tell(Stop.Instance)).ConfigureAwait(false);
            return await outcome.Task.ConfigureAwait(false) switch
            {
                RunCompleted completed => completed.Stats,
                RunStopped => throw new OperationCanceledException("The run was stopped before its end time.", cancellationToken),
                RunFailed failed when cancellationToken.IsCancellationRequested =>
                    throw new OperationCanceledException($"The run was stopped before its end time: {failed.Reason}", cancellationToken),
                RunFailed { SimId: { } simId } failed => throw new LineFailedException(simId, failed.SimulatedTime, failed.Reason),
                RunFailed failed => throw new InvalidOperationException(failed.Reason),
                var other => throw new InvalidOperationException($"The run ended with an unexpected message {other.GetType().Name}."),
            };
        }
        finally
        {
            await LoggerFlush.FlushAsync(system, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            await system.Terminate().ConfigureAwait(false);
        }
    }
}
