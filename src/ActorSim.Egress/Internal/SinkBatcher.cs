using System.Runtime.CompilerServices;
using ActorSim.Egress.Routing;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Internal;

/// <summary>
/// The front half of a sink: routes each record, fills one batch per destination and hands a batch on (to
/// <c>emit</c>) when it is full or its flush interval has passed in simulated time. Counts what it was given and what
/// its router dropped. Used by one thread at a time.
/// </summary>
internal sealed class SinkBatcher
{
    private readonly SinkOptions _options;
    private readonly DateTime _logicalStart;
    private readonly RecordRouter _router;
    private readonly DestinationRegistry _registry;
    private readonly BatchArrayPool _arrays;
    private readonly Action<RecordBatch> _emit;
    private readonly Dictionary<string, DestinationBuffer> _buffers = new(StringComparer.Ordinal);
    private readonly List<DestinationBuffer> _order = [];
    private readonly double _interval;
    private readonly int _batchSize;
    private string? _lastDestination;
    private DestinationBuffer? _lastBuffer;
    private double _nextDeadline = double.PositiveInfinity;
    private long _published;

    public SinkBatcher(SinkOptions options, DateTime logicalStart, DestinationRegistry registry, BatchArrayPool arrays, Action<RecordBatch> emit)
    {
        _options = options;
        _logicalStart = logicalStart;
        _router = options.Router;
        _registry = registry;
        _arrays = arrays;
        _emit = emit;
        _batchSize = options.BatchSize;
        _interval = options.FlushInterval > 0 ? options.FlushInterval : double.PositiveInfinity;
    }

    /// <summary>Records given to the sink so far; readable from any thread.</summary>
    public long Published => Volatile.Read(ref _published);

    /// <summary>Records the router dropped on purpose.</summary>
    public long Dropped { get; private set; }

    /// <summary>The destinations in first-use order, with their counters.</summary>
    public IEnumerable<DestinationStats> Destinations => _order.Select(b => b.Stats);

    /// <summary>Routes and buffers one record; a batch it completes goes to <c>emit</c> before this returns.</summary>
    [MethodImpl(HotPath.Options)]
    public void Add(in SimRecord record)
    {
        var route = _router(in record, _logicalStart);
        var destination = route.Destination;
        if (destination is null)
        {
            Dropped++;
            Volatile.Write(ref _published, _published + 1);
            return;
        }

        if (record.SimTime >= _nextDeadline)
        {
            FlushDue(record.SimTime);
        }

        var buffer = ReferenceEquals(destination, _lastDestination) ? _lastBuffer! : FindBuffer(destination, route.Flatten);
        if (buffer.Flatten != route.Flatten)
        {
            throw new EgressException(
                $"Sink '{_options.Name}': destination '{destination}' gets both flattened and unflattened events; a destination has one schema, " +
                "so route the two kinds to different paths.")
            { SinkName = _options.Name };
        }

        Volatile.Write(ref _published, _published + 1);
        buffer.Stats.Published++;
        if (buffer.Skip > 0)
        {
            // A replay from a checkpoint: this record is in a chunk stored before the run was restored.
            buffer.Skip--;
            return;
        }

        if (buffer.Count == 0)
        {
            buffer.Records ??= _arrays.Rent();
            buffer.FirstTime = record.SimTime;
            var deadline = record.SimTime + _interval;
            if (deadline < _nextDeadline)
            {
                _nextDeadline = deadline;
            }
        }

        buffer.Records![buffer.Count++] = record;
        if (buffer.Count == _batchSize)
        {
            _emit(buffer.TakeBatch());
        }
    }

    /// <summary>Hands on every partly filled batch (at teardown).</summary>
    public void FlushAll()
    {
        foreach (var buffer in _order)
        {
            if (buffer.Count > 0)
            {
                _emit(buffer.TakeBatch());
            }
        }

        _nextDeadline = double.PositiveInfinity;
    }

    /// <summary>
    /// On the publishing thread: the counters, each destination's chunks counted as far as they have landed (a prefix
    /// of its chunks: a sink's stores are counted in the order they started), everything after them pending.
    /// </summary>
    public (long Published, long Dropped, List<Checkpoints.DestinationCheckpoint> Destinations) Checkpoint() =>
        (_published, Dropped, _order.ConvertAll(b =>
        {
            var (written, chunks, bytes) = b.Stats.Landed();
            return new Checkpoints.DestinationCheckpoint(b.Stats.Destination, b.Flatten, chunks, b.Stats.Published, written, chunks, bytes, checked((int)(b.Stats.Published - written)));
        }));

    /// <summary>Takes up <paramref name="resume"/> before the first record: its counters, and per destination the records to skip.</summary>
    public void Restore(Checkpoints.SinkResume resume)
    {
        if (_published != 0 || _order.Count != 0)
        {
            throw new InvalidOperationException($"Sink '{_options.Name}' has records already; a resume is taken up before the first.");
        }

        _published = resume.Published;
        Dropped = resume.Dropped;
        foreach (var d in resume.Destinations)
        {
            var buffer = FindBuffer(d.Destination, d.Flatten);
            buffer.Taken = d.BatchesTaken;
            buffer.Skip = d.Skip;
            buffer.Stats.Published = d.Published;
            buffer.Stats.Written = d.Written;
            buffer.Stats.Chunks = d.Chunks;
            buffer.Stats.Bytes = d.Bytes;
        }
    }

    private DestinationBuffer FindBuffer(string destination, bool flatten)
    {
        if (!_buffers.TryGetValue(destination, out var buffer))
        {
            ChunkNaming.Validate(destination, "destination");
            _registry.Claim(_options.Store.Location, destination, _options.Name);
            buffer = new DestinationBuffer(destination, flatten);
            _buffers[destination] = buffer;
            _order.Add(buffer);
        }

        _lastDestination = destination;
        _lastBuffer = buffer;
        return buffer;
    }

    private void FlushDue(double now)
    {
        var next = double.PositiveInfinity;
        foreach (var buffer in _order)
        {
            if (buffer.Count == 0)
            {
                continue;
            }

            var deadline = buffer.FirstTime + _interval;
            if (deadline <= now)
            {
                _emit(buffer.TakeBatch());
            }
            else if (deadline < next)
            {
                next = deadline;
            }
        }

        _nextDeadline = next;
    }
}
