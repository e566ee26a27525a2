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
    public static async Task<HistoryResult> RunAsync(HistoryPlan plan, string logLevel, IProgressReporter progress, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var settings = ActorRunnerSettings.Default with { Parallelism = 1, Factor = plan.Factor, LogLevel = logLevel };

        // Akka starts on another core while this thread opens the sink and builds the plant.
        await using var launch = ActorSystemLaunch.Start(settings);
        var pipeline = new EgressPipeline(plan.Start, plan.Sinks);
        try
        {
            var plant = new PlantBuilder().AddLine(plan.Model).Build();
            var runner = new ActorPlantRunner(plant, settings);
            long events;
            await using (new ProgressPoller(progress, () => (pipeline.LastSimTime, pipeline.Published), plan.DurationSeconds, TimeSpan.FromMilliseconds(250)))
            {
                events = (await runner.RunAsync(plan.Seed, plan.DurationSeconds, _ => pipeline, launch, cancellation).ConfigureAwait(false)).ProcessedEvents;
            }

            progress.Report(plan.DurationSeconds, plan.DurationSeconds, pipeline.Published, stopwatch.Elapsed);
            progress.Finish();
            var report = await pipeline.CompleteAsync().ConfigureAwait(false);
            return new HistoryResult(report, null, events, pipeline.Published, stopwatch.Elapsed, plan.Start, plan.DurationSeconds, "actors");
        }
        finally
        {
            progress.Finish();
            await HistoryJob.DisposeQuietlyAsync(pipeline).ConfigureAwait(false);
        }
    }
}
