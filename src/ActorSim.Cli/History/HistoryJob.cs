using System.Diagnostics;
using ActorSim.Cli.Progress;
using ActorSim.Egress;
using ActorSim.Engine;
using ActorSim.Engine.Pacing;
using ActorSim.Model.Random;

namespace ActorSim.Cli.History;

/// <summary>
/// Generates history on the direct path (<c>--engine reference</c>): runs the plan's model in one engine on this
/// thread from its logical start for its duration and writes every routed record through the egress pipeline, then
/// drains it and checks the accounting. Cancellation stops it within a slice (or, paced, at once) and stops the
/// pipeline without draining it.
/// </summary>
internal static class HistoryJob
{
    /// <summary>Simulated seconds between progress checks: small enough for a live line, large enough to cost nothing.</summary>
    private const double Slice = 3600;

    public static async Task<HistoryResult> RunAsync(HistoryPlan plan, IProgressReporter progress, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        // A paced run waits for the wall clock before each event; the token wakes it from that wait. Unpaced, the token is
        // looked at once per slice only.
        var simulation = new Simulation(0, plan.Start, plan.Factor > 0 ? PacingPolicy.WithFactor(plan.Factor) with { Cancellation = cancellation } : null);
        var pipeline = new EgressPipeline(plan.Start, plan.Sinks, cancellation);
        try
        {
            var line = plan.Model.Start(simulation, pipeline, RandomStream.Create(plan.Seed, plan.Model.SimId));
            while (simulation.Now < plan.DurationSeconds)
            {
                cancellation.ThrowIfCancellationRequested();
                simulation.RunUntil(Math.Min(plan.DurationSeconds, simulation.Now + Slice));
                progress.Report(simulation.Now, plan.DurationSeconds, pipeline.Published, stopwatch.Elapsed);
            }

            progress.Finish();
            var report = await pipeline.CompleteAsync().ConfigureAwait(false);
            return new HistoryResult(report, line.TasksCreated, simulation.ProcessedEvents, pipeline.Published, stopwatch.Elapsed, plan.Start, plan.DurationSeconds, "reference");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Counted once the writers have stopped: the report states the whole run's records.
            progress.Finish();
            await DisposeQuietlyAsync(pipeline).ConfigureAwait(false);
            throw new HistoryRunException(e, plan.Start, plan.Model.SimId, [(plan.Model.SimId, pipeline.Snapshot())]);
        }
        finally
        {
            progress.Finish();
            await DisposeQuietlyAsync(pipeline).ConfigureAwait(false);
        }
    }

    /// <summary>Stops a pipeline's writers after a run; a failure there was already reported by the run.</summary>
    internal static async Task DisposeQuietlyAsync(EgressPipeline pipeline)
    {
        try
        {
            await pipeline.DisposeAsync().ConfigureAwait(false);
        }
        catch (EgressException)
        {
            // Already reported by the run that failed; disposing only stops the writers.
        }
    }
}
