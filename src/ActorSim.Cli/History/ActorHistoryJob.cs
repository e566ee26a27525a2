using System.Diagnostics;
using ActorSim.Actors;
using ActorSim.Cli.Progress;
using ActorSim.Egress;
using ActorSim.Model.Plants;

namespace ActorSim.Cli.History;

/// <summary>
/// Generates a single line's history through the actors (the default engine): the line is a one-line plant with a
/// LineActor under a coordinator, writing the same records, file for file, as the direct path.
/// </summary>
internal static class ActorHistoryJob
{
    /// <summary>
    /// Starts the process's actor host at once, on another core, so that Akka's start overlaps planning the run,
    /// opening the sinks and building the plant: the <c>--config</c> file's settings (else the embedded ones) with the
    /// line threads and log level of the command line. A single line gets one line thread: it never runs on two, and
    /// an idle second thread cost a fresh week to Parquet about 0.1 s.
    /// </summary>
    public static ActorSimHost StartHost(HistoryOptions options, bool plant)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ActorSimHost.Start((options.ActorSettings ?? ActorRunnerSettings.Default) with { Parallelism = plant ? options.Parallelism : 1, LogLevel = options.LogLevel });
    }

    /// <summary>
    /// Runs <paramref name="plan"/> as a run on <paramref name="host"/> (from <see cref="StartHost"/>) under
    /// <paramref name="runId"/>, the id its manifests carry (default a new one).
    /// </summary>
    public static async Task<HistoryResult> RunAsync(
        HistoryPlan plan, ActorSimHost host, IProgressReporter progress, string? runId = null, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var settings = host.Settings with { Factor = plan.Factor, LogicalStart = plan.Start };
        var egress = new ActorEgress(plan.Start, plan.Sinks, cancellation);
        try
        {
            var plant = new PlantBuilder().AddLine(plan.Model).Build();
            long events;
            await using (new ProgressPoller(progress, () => (egress.LastSimTime, egress.Published), plan.DurationSeconds, TimeSpan.FromMilliseconds(250)))
            {
                var run = await host.StartRunAsync(plant, plan.Seed, plan.DurationSeconds, _ => egress, settings, runId, cancellation).ConfigureAwait(false);
                events = (await run.Completion.ConfigureAwait(false)).ProcessedEvents;
            }

            progress.Report(plan.DurationSeconds, plan.DurationSeconds, egress.Published, stopwatch.Elapsed);
            progress.Finish();
            var report = await egress.Completion.ConfigureAwait(false);
            return new HistoryResult(report, null, events, egress.Published, stopwatch.Elapsed, plan.Start, plan.DurationSeconds, "actors");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The run's actors have stopped (and stored what they could): the report states the whole run's records.
            throw new HistoryRunException(e, plan.Start, plan.Model.SimId, [(plan.Model.SimId, egress.Snapshot())]);
        }
        finally
        {
            progress.Finish();
        }
    }
}
