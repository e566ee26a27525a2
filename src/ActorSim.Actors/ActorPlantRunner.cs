using ActorSim.Actors.Internal;
using ActorSim.Actors.Messages;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;
using Akka.Actor;

namespace ActorSim.Actors;

/// <summary>
/// Runs a plant on Akka.NET: one actor per line on a dispatcher of <see cref="ActorRunnerSettings.Parallelism"/>
/// threads, a coordinator actor under conservative synchronization, as a run on an <see cref="ActorSimHost"/> (the
/// process's, or one of its own). Writes, per line, exactly the records of <see cref="SequentialPlantRunner"/>.
/// </summary>
/// <example><code>
/// var runner = new ActorPlantRunner(ReferenceModels.TwoStagePlant(), parallelism: 2);
/// ActorRunStats stats = runner.RunWithStats(seed: 42, until: 3600, PerLineEgress.SinkFor(logicalStart, [historySink]));
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
        return stats.Plant;
    }

    /// <summary>Runs the plant and blocks until it is over; see <see cref="RunAsync(ulong, double, Func{LineModel, IRecordSink}, CancellationToken)"/>.</summary>
    public ActorRunStats RunWithStats(ulong seed, double until, Func<LineModel, IRecordSink> sinkFor) =>
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
    public Task<ActorRunStats> RunAsync(ulong seed, double until, Func<LineModel, IRecordSink> sinkFor, CancellationToken cancellationToken) =>
        RunAsync(seed, until, sinkFor, (ActorSimHost?)null, cancellationToken);

    /// <summary>
    /// As <see cref="RunAsync(ulong, double, Func{LineModel, IRecordSink}, CancellationToken)"/>, as one run on
    /// <paramref name="host"/> when given (its system must be the one these settings give, see
    /// <see cref="ActorRunnerSettings.StartsTheSameSystemAs"/>); without one, on a host of its own that ends with the run.
    /// </summary>
    public async Task<ActorRunStats> RunAsync(ulong seed, double until, Func<LineModel, IRecordSink> sinkFor, ActorSimHost? host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sinkFor);
        if (host is not null)
        {
            var run = await host.StartRunAsync(Plant, seed, until, sinkFor, Settings, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await run.Completion.ConfigureAwait(false);
        }

        if (!(until > 0) || double.IsInfinity(until))
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, "A plant runs from 0 until a finite time after 0.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        await using var own = ActorSimHost.Start(Settings);
        var handle = await own.StartRunAsync(Plant, seed, until, sinkFor, Settings, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await handle.Completion.ConfigureAwait(false);
    }
}
