using ActorSim.Runs;
using ActorSim.Actors;
using System.Diagnostics;
using System.Globalization;
using ActorSim.Actors.Messages;
using ActorSim.Egress;
using ActorSim.Egress.Reports;
using ActorSim.Model.Plants;
using ActorSim.Model.Records;

namespace ActorSim.Cli.History;

/// <summary>Runs a plant with the chosen engine, every line into its own egress (actors or pipeline), and checks the accounting.</summary>
internal static class PlantHistoryJob
{
    /// <summary>
    /// Runs the plan (the actors engine as a run on <paramref name="host"/>, the process's); <c>ActorStats</c> is the
    /// actors engine's own account (per line waits, efficiency), null for the others.
    /// </summary>
    public static async Task<(IReadOnlyList<(string Line, EgressReport Report)> Reports, PlantRunStats Stats, TimeSpan Elapsed, RunStats? ActorStats)> RunAsync(
        PlantPlan plan, ActorSimHost? host, ActorSim.Cli.Progress.IProgressReporter progress, string? runId = null, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var pipelines = new List<LineOutput>();
        try
        {
            IRecordSink SinkFor(ActorSim.Model.Building.LineModel line)
            {
                var output = LineOutput.For(plan.Engine, line.SimId, plan.Start, plan.SinksFor(line.SimId), cancellation);
                lock (pipelines)
                {
                    pipelines.Add(output);
                }

                return output.Sink;
            }

            PlantRunStats stats;
            RunStats? actorStats;
            await using (new ActorSim.Cli.Progress.ProgressPoller(progress, Sample, plan.DurationSeconds, TimeSpan.FromMilliseconds(250)))
            {
                (stats, actorStats) = await RunEngineAsync(plan, host, runId, SinkFor, cancellation).ConfigureAwait(false);
            }

            progress.Finish();
            var reports = new List<(string, EgressReport)>();
            foreach (var output in pipelines.OrderBy(p => p.Line, StringComparer.Ordinal))
            {
                reports.Add((output.Line, await output.CompleteAsync().ConfigureAwait(false)));
            }

            return (reports, stats, stopwatch.Elapsed, actorStats);

            (double, long) Sample()
            {
                lock (pipelines)
                {
                    // Lines that have not started yet are at 0; the plant is as far as its slowest line.
                    var reached = pipelines.Count < plan.Plant.Lines.Count || pipelines.Count == 0 ? 0 : pipelines.Min(p => p.LastSimTime);
                    return (reached, pipelines.Sum(p => p.Published));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Counted once every line's writers have stopped: the report states the whole run's records, all lines.
            progress.Finish();
            foreach (var output in pipelines)
            {
                await output.DisposeQuietlyAsync().ConfigureAwait(false);
            }

            throw new HistoryRunException(e, plan.Start, null, pipelines.ConvertAll(p => (p.Line, p.Snapshot())));
        }
        finally
        {
            progress.Finish();
            foreach (var output in pipelines)
            {
                await output.DisposeQuietlyAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs the plant on the plan's engine; every engine stops early on <paramref name="cancellation"/>.</summary>
    private static async Task<(PlantRunStats Stats, RunStats? ActorStats)> RunEngineAsync(
        PlantPlan plan, ActorSimHost? host, string? runId, Func<ActorSim.Model.Building.LineModel, IRecordSink> sinkFor, CancellationToken cancellation)
    {
        if (plan.Engine == RunEngine.Actors)
        {
            ArgumentNullException.ThrowIfNull(host);
            var handle = await host.StartRunAsync(
                plan.Plant, plan.Seed, plan.DurationSeconds, sinkFor, host.Settings with { Factor = plan.Factor, LogicalStart = plan.Start }, runId, cancellation).ConfigureAwait(false);
            var run = await handle.Completion.ConfigureAwait(false);
            return (new PlantRunStats(run.Rounds, run.Grants, run.ProcessedEvents, run.ItemsSent), run);
        }

        IPlantRunner direct = plan.Engine == RunEngine.Windowed ? new WindowedPlantRunner(plan.Plant, plan.Parallelism) : new SequentialPlantRunner(plan.Plant);
        return (await Task.Run(() => direct.Run(plan.Seed, plan.DurationSeconds, sinkFor, cancellation), cancellation).ConfigureAwait(false), null);
    }

    /// <summary>The run's summary as plain lines (<see cref="PlantSummary"/>; <see cref="PlantSummary.Render"/> draws it as tables).</summary>
    public static void WriteSummary(
        TextWriter output, PlantPlan plan, PlantRunStats stats, TimeSpan elapsed, IReadOnlyList<(string Line, EgressReport Report)> reports, RunStats? actorStats = null) =>
        PlantSummary.Write(output, plan, stats, elapsed, reports, actorStats);
}
