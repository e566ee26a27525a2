using System.Globalization;
using ActorSim.Egress.Reports;

namespace ActorSim.Egress.Internal;

/// <summary>What a sink's two halves add up to: its report, and the errors that say how many records were not written.</summary>
internal sealed class SinkAccounting(SinkOptions options, SinkBatcher batcher, ChunkStorer storer)
{
    public string Name => options.Name;

    /// <summary>Records given to the sink, neither written nor dropped yet.</summary>
    public long NotWritten => batcher.Published - batcher.Dropped - storer.Written;

    /// <summary>The report once everything is stored; throws an <see cref="EgressException"/> when a record is missing.</summary>
    public SinkReport Report(TimeSpan blocked)
    {
        var destinations = batcher.Destinations.Select(d => new DestinationReport(d.Destination, d.Published, d.Written, d.Chunks, d.Bytes)).ToList();
        var report = new SinkReport(Name, batcher.Published, storer.Written, batcher.Dropped, destinations) { BlockedSeconds = blocked.TotalSeconds };
        if (report.NotWritten != 0 || destinations.Any(d => d.Published != d.Written))
        {
            throw new EgressException(
                $"Sink '{Name}' accounting failed: published {report.Published}, written {report.Written}, dropped {report.Dropped}; " +
                $"{report.NotWritten} records not written.")
            { SinkName = Name, RecordsNotWritten = report.NotWritten };
        }

        return report;
    }

    /// <summary>The error for a chunk that could not be encoded or stored, naming the chunk and the store.</summary>
    public EgressException Failed(Exception cause) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"Sink '{Name}' failed writing chunk '{storer.CurrentChunk}' to {options.Store.Location}: {cause.Message} {NotWritten} records not written."),
            cause)
        { SinkName = Name, RecordsNotWritten = NotWritten };

    /// <summary>The error for a sink that made no progress for its stall timeout while <paramref name="what"/>.</summary>
    public EgressStalledException Stalled(string what) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"Sink '{Name}' stopped consuming: {what} for {options.StallTimeout.TotalSeconds:0.###} s (store {options.Store.Location}). " +
            $"{NotWritten} records not written. Check the store, or raise StallTimeout if it is only slow."))
        { SinkName = Name, RecordsNotWritten = NotWritten };
}
