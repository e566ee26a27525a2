using System.Diagnostics;
using ActorSim.Actors;
using ActorSim.Actors.Messages;
using ActorSim.Egress;
using ActorSim.Egress.Reports;
using ActorSim.Engine;
using ActorSim.Engine.Pacing;
using ActorSim.Model.Building;
using ActorSim.Model.Plants;
using ActorSim.Model.Random;
using ActorSim.Model.Records;
using ActorSim.Model.Snapshots;

namespace ActorSim.Runs.Execution;

/// <summary>
/// Executes a compiled run on its engine, every line into its own egress, and checks the accounting: the one way a
/// run is executed, whoever asks (the CLI, a cluster node). The actors engine runs it as a run on the process's
/// <see cref="ActorSimHost"/>, each line with egress actors; the reference engine runs a single line in one engine on
/// the calling thread (paced when the spec's factor is above 0) and a plant on <see cref="SequentialPlantRunner"/>;
/// the windowed engine runs a plant on <see cref="WindowedPlantRunner"/>. Each direct line writes through an
/// <see cref="EgressPipeline"/>. Cancellation stops the run within a slice and its egress without draining it.
/// </summary>
public static class RunExecutor
{
    /// <summary>Simulated seconds between a single line's progress checks: small enough for a live line, large enough to cost nothing.</summary>
    private const double Slice = 3600;

    /// <summary>
    /// Runs <paramref name="run"/> as <paramref name="execution"/> says. A failure is a <see cref="RunExecutionException"/>
    /// carrying every line's counts once its writers have stopped; a stop is an <see cref="OperationCanceledException"/>.
    /// </summary>
    public static Task<RunOutcome> RunAsync(CompiledRun run, RunExecution execution, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(execution);
        if (run.Spec.Engine == RunEngine.Actors && execution.Host is null)
        {
            throw new ArgumentException("The actors engine runs on the process's actor host; give RunExecution.Host.", nameof(execution));
        }

        var sinksFor = execution.SinksFor ?? run.SinksFor;
        return run.Spec.Layout == LineLayout.Single && run.Spec.Engine != RunEngine.Actors
            ? RunLineAsync(run, execution, sinksFor, cancellation)
            : RunPlantAsync(run, execution, sinksFor, cancellation);
    }

    /// <summary>A single line in one engine on this thread, its progress told after each slice.</summary>
    private static async Task<RunOutcome> RunLineAsync(
        CompiledRun run, RunExecution execution, Func<string, IReadOnlyList<SinkOptions>> sinksFor, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var spec = run.Spec;
        var model = run.Plant.Lines[0];
        // A paced run waits for the wall clock before each event; the token wakes it from that wait. Unpaced, the token is
        // looked at once per slice only.
        var simulation = new Simulation(spec.StartsAt, spec.Start, spec.Factor > 0 ? PacingPolicy.WithFactor(spec.Factor) with { Cancellation = cancellation, GoLiveAt = spec.GoLiveAt } : null);
        var output = LineEgress.For(spec.Engine, spec.Start, sinksFor(model.SimId), cancellation);
        try
        {
            var stream = RandomStream.Create(spec.RunSeed, model.SimId);
            var line = spec.Snapshot is { } snapshot
                ? model.Resume(simulation, output, snapshot.Lines[0], snapshot.Kind, stream)
                : model.Start(simulation, output, stream);
            var snapshots = new Queue<double>(spec.SnapshotTimes());
            while (simulation.Now < spec.EndsAt)
            {
                cancellation.ThrowIfCancellationRequested();
                var horizon = Math.Min(spec.EndsAt, simulation.Now + Slice);
                simulation.RunUntil(snapshots.TryPeek(out var at) && at < horizon ? at : horizon);
                if (snapshots.TryPeek(out at) && simulation.Now == at)
                {
                    snapshots.Dequeue();
                    await WriteSnapshotAsync(run, execution, SnapshotCapture.Take(run.Plant, run.Name, [line], spec.Seed), cancellation).ConfigureAwait(false);
                }

                execution.Progress?.Invoke(new RunSample(simulation.Now - spec.StartsAt, spec.DurationSeconds, output.Published, clock.Elapsed));
            }

            var report = await output.CompleteAsync().ConfigureAwait(false);
            // Arrays of tuples rather than collection expressions: those make a list type over tuples that is JIT-compiled at each start.
            return new RunOutcome(new[] { (model.SimId, report) }, new PlantRunStats(0, 0, simulation.ProcessedEvents, 0), null, line.TasksCreated, output.Published, clock.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Counted once the writers have stopped: the report states the whole run's records.
            await LineEgress.DisposeQuietlyAsync(output).ConfigureAwait(false);
            throw new RunExecutionException(e, spec.Start, model.SimId, new[] { (model.SimId, output.Snapshot()) });
        }
        finally
        {
            await LineEgress.DisposeQuietlyAsync(output).ConfigureAwait(false);
        }
    }

    /// <summary>Writes <paramref name="snapshot"/> where the spec sends snapshots taken at its instant.</summary>
    private static async Task WriteSnapshotAsync(CompiledRun run, RunExecution execution, ModelSnapshot snapshot, CancellationToken cancellation)
    {
        var location = run.Spec.SnapshotLocation(snapshot.AsOf);
        await SnapshotFiles.WriteAsync(location, snapshot, run.CreateStore, cancellation).ConfigureAwait(false);
        execution.SnapshotWritten?.Invoke(location, snapshot);
    }

    /// <summary>Every line of the plant on the spec's engine, each into its own egress (made when the line starts).</summary>
    private static async Task<RunOutcome> RunPlantAsync(
        CompiledRun run, RunExecution execution, Func<string, IReadOnlyList<SinkOptions>> sinksFor, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var spec = run.Spec;
        var outputs = new List<StartedLine>();
        try
        {
            IRecordSink SinkFor(LineModel line)
            {
                var egress = LineEgress.For(spec.Engine, spec.Start, sinksFor(line.SimId), cancellation);
                lock (outputs)
                {
                    outputs.Add(new StartedLine(line.SimId, egress));
                }

                return egress;
            }

            EngineResult result;
            await using (new ProgressPoller(execution.Progress, Sample, spec.DurationSeconds, execution.ProgressInterval, clock))
            {
                result = await RunEngineAsync(run, execution, SinkFor, cancellation).ConfigureAwait(false);
            }

            var reports = new List<(string, EgressReport)>();
            foreach (var (line, egress) in outputs.OrderBy(p => p.Line, StringComparer.Ordinal))
            {
                reports.Add((line, await egress.CompleteAsync().ConfigureAwait(false)));
            }

            return new RunOutcome(reports, result.Stats, result.ActorStats, null, outputs.Sum(o => o.Egress.Published), clock.Elapsed);

            (double, long) Sample()
            {
                lock (outputs)
                {
                    // Lines that have not started yet are at 0; the plant is as far as its slowest line.
                    // Counted from where the run starts (a snapshot's instant), as the duration is.
                    var reached = outputs.Count < run.Plant.Lines.Count || outputs.Count == 0 ? 0 : Math.Max(0, outputs.Min(p => p.Egress.LastSimTime) - spec.StartsAt);
                    return (reached, outputs.Sum(p => p.Egress.Published));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Counted once every line's writers have stopped: the report states the whole run's records, all lines.
            foreach (var output in outputs)
            {
                await LineEgress.DisposeQuietlyAsync(output.Egress).ConfigureAwait(false);
            }

            var single = spec.Layout == LineLayout.Single ? run.Plant.Lines[0].SimId : null;
            throw new RunExecutionException(e, spec.Start, single, outputs.ConvertAll(p => (p.Line, p.Egress.Snapshot())));
        }
        finally
        {
            foreach (var output in outputs)
            {
                await LineEgress.DisposeQuietlyAsync(output.Egress).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A line that has started, with its egress (a class: generic code over value tuples is JIT-compiled at every start).</summary>
    private sealed record StartedLine(string Line, ILineEgress Egress);

    /// <summary>What an engine reports (a class: an async method returning a value tuple is JIT-compiled at every start).</summary>
    private sealed record EngineResult(PlantRunStats Stats, ActorRunStats? ActorStats);

    /// <summary>
    /// How a plant engine runs <paramref name="run"/>: its run seed, span and start, its snapshot to start from, and the
    /// snapshots to take, each written as taken (and told to <paramref name="execution"/>) — for any plant engine, the
    /// cluster's too.
    /// </summary>
    public static PlantRunOptions PlantOptions(CompiledRun run, RunExecution execution, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(execution);
        var spec = run.Spec;
        return new PlantRunOptions
        {
            Seed = spec.RunSeed,
            Until = spec.EndsAt,
            LogicalStart = spec.Start,
            From = spec.Snapshot,
            SnapshotTimes = spec.SnapshotTimes(),
            // Written as taken, every line standing at its instant (a digital twin's checkpoints must not wait for the end).
            SnapshotTaken = snapshot => WriteSnapshotAsync(run, execution, snapshot with { Seed = spec.Seed }, cancellation).GetAwaiter().GetResult(),
            ModelName = run.Name,
        };
    }

    /// <summary>Runs the plant on the spec's engine; every engine stops early on <paramref name="cancellation"/>.</summary>
    private static async Task<EngineResult> RunEngineAsync(
        CompiledRun run, RunExecution execution, Func<LineModel, IRecordSink> sinkFor, CancellationToken cancellation)
    {
        var spec = run.Spec;
        var options = PlantOptions(run, execution, cancellation);
        PlantRunStats plantStats;
        ActorRunStats? actorStats = null;
        if (spec.Engine == RunEngine.Actors)
        {
            var host = execution.Host!;
            var handle = await host.StartRunAsync(run.Plant, options, sinkFor, host.Settings with { Factor = spec.Factor, LogicalStart = spec.Start, GoLiveAt = spec.GoLiveAt }, execution.RunId, cancellation)
                .ConfigureAwait(false);
            actorStats = await handle.Completion.ConfigureAwait(false);
            plantStats = actorStats.Plant;
        }
        else
        {
            plantStats = await Task.Run(
                () => spec.Engine == RunEngine.Windowed
                    ? new WindowedPlantRunner(run.Plant, spec.Parallelism).Run(options, sinkFor, cancellation)
                    : new SequentialPlantRunner(run.Plant).Run(options, sinkFor, cancellation),
                cancellation).ConfigureAwait(false);
        }

        return new EngineResult(plantStats, actorStats);
    }
}
