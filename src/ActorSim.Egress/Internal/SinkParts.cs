using System.Globalization;
using ActorSim.Egress.Reports;

namespace ActorSim.Egress.Internal;

/// <summary>
/// A sink's two halves, built together on one pool of batch arrays — the batcher, handing full batches to
/// <c>emit</c>, and the chunk storer — and what they add up to: the report, and the errors that say how many records
/// were not written.
/// </summary>
internal sealed class SinkParts
{
    private readonly SinkOptions _options;

    public SinkParts(SinkOptions options, DateTime logicalStart, DestinationRegistry registry, Action<RecordBatch> emit)
    {
        _options = options;
        var arrays = new BatchArrayPool(options.BatchSize);
        Batcher = new SinkBatcher(options, logicalStart, registry, arrays, emit);
        Storer = new ChunkStorer(options, logicalStart, arrays);
    }

    public SinkBatcher Batcher { get; }

    public ChunkStorer Storer { get; }

    public string Name => _options.Name;

    /// <summary>Records given to the sink, neither written nor dropped yet.</summary>
    public long NotWritten => Batcher.Published - Batcher.Dropped - Storer.Written;

    /// <summary>The counts so far, unchecked: after a failure, what was published, written, dropped and lost.</summary>
    public SinkReport Snapshot(TimeSpan blocked)
    {
        var destinations = Batcher.Destinations.Select(d => new DestinationReport(d.Destination, d.Published, d.Written, d.Chunks, d.Bytes)).ToList();
        return new SinkReport(Name, Batcher.Published, Storer.Written, Batcher.Dropped, destinations) { BlockedSeconds = blocked.TotalSeconds };
    }

    /// <summary>The report once everything is stored; throws an <see cref="EgressException"/> when a record is missing.</summary>
    public SinkReport Report(TimeSpan blocked)
    {
        var report = Snapshot(blocked);
        var destinations = report.Destinations;
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
            $"Sink '{Name}' failed writing chunk '{Storer.CurrentChunk}' to {_options.Store.Location}: {Sentence(cause.Message)} {NotWritten} records not written when it failed."),
            cause)
        { SinkName = Name, RecordsNotWritten = NotWritten };

    /// <summary>The exception for a sink that stops because its run was cancelled while <paramref name="what"/>.</summary>
    public OperationCanceledException Cancelled(string what, CancellationToken cancellationToken) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"Sink '{Name}' stopped {what}: the run was cancelled; {NotWritten} records not written."),
            cancellationToken);

    /// <summary>The error for a sink that made no progress for its stall timeout while <paramref name="what"/>.</summary>
    public EgressStalledException Stalled(string what) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"Sink '{Name}' stopped consuming: {what} for {_options.StallTimeout.TotalSeconds:0.###} s (store {_options.Store.Location}). " +
            $"{NotWritten} records not written when it stalled. Check the store, or raise the stall timeout (--stall-timeout; SinkOptions.StallTimeout in the API) if it is only slow."))
        { SinkName = Name, RecordsNotWritten = NotWritten };

    /// <summary>A cause's message ending as a sentence, so that the count after it reads apart.</summary>
    private static string Sentence(string message)
    {
        var trimmed = message.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' ? trimmed : trimmed + ".";
    }
}
