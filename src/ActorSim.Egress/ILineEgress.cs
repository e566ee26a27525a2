using ActorSim.Egress.Reports;
using ActorSim.Model.Records;

namespace ActorSim.Egress;

/// <summary>
/// A line's way out, whichever host stores its chunks: <see cref="EgressPipeline"/> (writer threads, for the direct
/// engines) or the actors' <c>ActorEgress</c> (egress actors). The line publishes into it on its own thread; anyone may
/// read where it stands; the accounting comes when it is complete. A host that holds threads is also
/// <see cref="IAsyncDisposable"/>.
/// </summary>
public interface ILineEgress : IRecordSink
{
    /// <summary>Records published so far.</summary>
    long Published { get; }

    /// <summary>The simulated time of the last record published.</summary>
    double LastSimTime { get; }

    /// <summary>Each sink's progress: records written, batches queued, time the line was blocked.</summary>
    IReadOnlyList<SinkProgress> Progress();

    /// <summary>The counts so far, unchecked: after a failed run, what was published, written and lost.</summary>
    EgressReport Snapshot();

    /// <summary>
    /// The checked accounting once every record is stored: drains a pipeline; for egress actors, what their line
    /// reported when it drained them at the end of the run.
    /// </summary>
    Task<EgressReport> CompleteAsync();
}
