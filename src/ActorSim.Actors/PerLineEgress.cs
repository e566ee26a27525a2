using ActorSim.Actors.Internal;
using ActorSim.Egress;
using ActorSim.Model.Building;
using ActorSim.Model.Records;

namespace ActorSim.Actors;

/// <summary>
/// Egress split per line: every line actor gets an <see cref="ActorEgress"/> of its own, whose egress actors (one per
/// sink, on the egress dispatcher) write under <c>line=&lt;sim_id&gt;/</c> of their stores. The line routes its records
/// into batches and hands each full batch over, waiting when a sink has no credit left (backpressure).
/// </summary>
public static class PerLineEgress
{
    /// <summary>A <c>sinkFor</c> for <see cref="ActorPlantRunner"/>: per line, egress actors for <paramref name="sinks"/> with stores moved to <c>line=&lt;sim_id&gt;/</c>.</summary>
    public static Func<LineModel, IRecordSink> SinkFor(DateTime logicalStart, IReadOnlyList<SinkOptions> sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        foreach (var sink in sinks)
        {
            ArgumentNullException.ThrowIfNull(sink, nameof(sinks));
            sink.Validate();
        }

        return line => new ActorEgress(logicalStart, sinks.Select(s => s with { Store = new PrefixedObjectStore(s.Store, FolderOf(line.SimId)) }));
    }

    /// <summary>The folder of line <paramref name="simId"/>'s records: <c>line=&lt;sim_id&gt;/</c>.</summary>
    public static string FolderOf(string simId) => $"line={simId}/";
}
