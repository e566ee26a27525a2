using ActorSim.Actors;
using ActorSim.Egress;
using ActorSim.Egress.Reports;
using ActorSim.Model.Records;

namespace ActorSim.Runs.Execution;

/// <summary>One line's way out: an egress pipeline (direct engines) or egress actors (the actors engine).</summary>
internal sealed class LineOutput
{
    private readonly EgressPipeline? _pipeline;
    private readonly ActorEgress? _actors;

    private LineOutput(string line, EgressPipeline? pipeline, ActorEgress? actors)
    {
        Line = line;
        _pipeline = pipeline;
        _actors = actors;
    }

    public string Line { get; }

    public IRecordSink Sink => (IRecordSink?)_pipeline ?? _actors!;

    public long Published => _pipeline?.Published ?? _actors!.Published;

    public double LastSimTime => _pipeline?.LastSimTime ?? _actors!.LastSimTime;

    /// <summary>
    /// The output for <paramref name="line"/>'s <paramref name="sinks"/>: egress actors for the actors engine, else a
    /// pipeline; <paramref name="cancellation"/> stops it without draining.
    /// </summary>
    public static LineOutput For(RunEngine engine, string line, DateTime start, IReadOnlyList<SinkOptions> sinks, CancellationToken cancellation) => engine == RunEngine.Actors
        ? new LineOutput(line, null, new ActorEgress(start, sinks, cancellation))
        : new LineOutput(line, new EgressPipeline(start, sinks, cancellation), null);

    /// <summary>The accounting: drains a pipeline; for egress actors, what their line reported when it drained them.</summary>
    public Task<EgressReport> CompleteAsync() => _pipeline?.CompleteAsync() ?? _actors!.Completion;

    /// <summary>The counts so far, unchecked: after a failed run, what this line published, wrote and lost.</summary>
    public EgressReport Snapshot() => _pipeline?.Snapshot() ?? _actors!.Snapshot();

    /// <summary>Stops a pipeline's writers after a run (egress actors stop with their run); a failure there was already reported by the run.</summary>
    public async Task DisposeQuietlyAsync()
    {
        if (_pipeline is null)
        {
            return;
        }

        try
        {
            await _pipeline.DisposeAsync().ConfigureAwait(false);
        }
        catch (EgressException)
        {
            // Already reported by the run that failed; disposing only stops the writers.
        }
    }
}
