using ActorSim.Actors;
using ActorSim.Egress;

namespace ActorSim.Runs.Execution;

/// <summary>Makes a line's egress for an engine, and lets go of it after a run.</summary>
internal static class LineEgress
{
    /// <summary>
    /// Egress actors for the actors engine, else a pipeline with writer threads; <paramref name="cancellation"/> stops
    /// it without draining.
    /// </summary>
    public static ILineEgress For(RunEngine engine, DateTime start, IReadOnlyList<SinkOptions> sinks, CancellationToken cancellation) => engine == RunEngine.Actors
        ? new ActorEgress(start, sinks, cancellation)
        : new EgressPipeline(start, sinks, cancellation);

    /// <summary>Stops a pipeline's writers after a run (egress actors stop with their run); a failure there was already reported by the run.</summary>
    public static async Task DisposeQuietlyAsync(ILineEgress egress)
    {
        if (egress is not IAsyncDisposable disposable)
        {
            return;
        }

        try
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }
        catch (EgressException)
        {
            // Already reported by the run that failed; disposing only stops the writers.
        }
    }
}
