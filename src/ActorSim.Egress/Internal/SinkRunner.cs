using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using ActorSim.Egress.Reports;
using ActorSim.Egress.Routing;
using ActorSim.Egress.Writers;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Internal;

/// <summary>
/// One sink: routes and batches records on the publisher thread, hands full batches through a bounded queue to a
/// background writer that encodes and stores them. A full queue blocks the publisher (backpressure); a writer failure
/// or a stall surfaces at the next <see cref="Publish"/> or at <see cref="CompleteAsync"/>.
/// </summary>
internal sealed class SinkRunner
{
    private readonly SinkOptions _options;
    private readonly DateTime _logicalStart;
    private readonly RecordRouter _router;
    private readonly IChunkEncoder _encoder;
    private readonly Channel<RecordBatch> _queue;
    private readonly Dictionary<string, DestinationBuffer> _buffers = new(StringComparer.Ordinal);
    private readonly List<DestinationBuffer> _order = [];
    private readonly ConcurrentBag<SimRecord[]> _arrays = [];
    private readonly CancellationTokenSource _cancel = new();
    private readonly double _interval;
    private readonly int _batchSize;
    private readonly Task _writer;
    private string? _lastDestination;
    private DestinationBuffer? _lastBuffer;
    private double _nextDeadline = double.PositiveInfinity;
    private long _published;
    private long _dropped;
    private long _written;
    private long _blockedTicks;
    private volatile Exception? _fault;
    private string? _faultChunk;

    private readonly DestinationRegistry _registry;

    public SinkRunner(SinkOptions options, DateTime logicalStart, DestinationRegistry registry)
    {
        _registry = registry;
        _options = options;
        _logicalStart = logicalStart;
        _router = options.Router;
        _batchSize = options.BatchSize;
        _interval = options.FlushInterval > 0 ? options.FlushInterval : double.PositiveInfinity;
        _encoder = options.Format == ChunkFormat.Jsonl
            ? new JsonlChunkEncoder(logicalStart, options.MaxStoresInFlight + 1)
            : new Writers.Parquet.ParquetChunkEncoder(logicalStart, options.Compression, options.RowGroupSize, options.MaxStoresInFlight + 1);
        _queue = Channel.CreateBounded<RecordBatch>(new BoundedChannelOptions(options.MaxQueuedBatches)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(WriteLoopAsync);
    }

    public string Name => _options.Name;

    public bool Faulted => _fault is not null;

    /// <summary>Records stored so far (readable from any thread).</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Wall time the publisher spent blocked on a full queue so far (readable from any thread).</summary>
    public TimeSpan Blocked => TimeSpan.FromSeconds((double)Interlocked.Read(ref _blockedTicks) / System.Diagnostics.Stopwatch.Frequency);

    /// <summary>Batches waiting for the writer now (readable from any thread).</summary>
    public int QueuedBatches => _queue.Reader.Count;

    private long NotWritten => _published - _dropped - Interlocked.Read(ref _written);

    /// <summary>Routes and buffers one record; blocks while the queue is full, up to the stall timeout.</summary>
    [MethodImpl(HotPath.Options)]
    public void Publish(in SimRecord record)
    {
        if (_fault is not null)
        {
            throw FaultException();
        }

        var route = _router(in record, _logicalStart);
        _published++;
        var destination = route.Destination;
        if (destination is null)
        {
            _dropped++;
            return;
        }

        if (record.SimTime >= _nextDeadline)
        {
            FlushDue(record.SimTime);
        }

        var buffer = ReferenceEquals(destination, _lastDestination) ? _lastBuffer! : FindBuffer(destination, route.Flatten);
        if (buffer.Flatten != route.Flatten)
        {
            _published--;
            throw new EgressException(
                $"Sink '{Name}': destination '{destination}' gets both flattened and unflattened events; a destination has one schema, " +
                "so route the two kinds to different paths.")
            { SinkName = Name };
        }

        buffer.Stats.Published++;
        if (buffer.Count == 0)
        {
            buffer.Records ??= RentArray();
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
            Enqueue(buffer.TakeBatch());
        }
    }

    /// <summary>Flushes every buffer, closes the queue, waits for the writer while it makes progress, and reports.</summary>
    public async Task<SinkReport> CompleteAsync()
    {
        if (_fault is not null)
        {
            throw FaultException();
        }

        foreach (var buffer in _order)
        {
            if (buffer.Count > 0)
            {
                Enqueue(buffer.TakeBatch());
            }
        }

        _nextDeadline = double.PositiveInfinity;
        _queue.Writer.TryComplete();
        var seen = -1L;
        while (!_writer.IsCompleted)
        {
            var written = Interlocked.Read(ref _written);
            if (written == seen)
            {
                throw Stalled("draining its queue at teardown");
            }

            seen = written;
            try
            {
                await _writer.WaitAsync(_options.StallTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Checked for progress at the top of the loop.
            }
        }

        if (_fault is not null)
        {
            throw FaultException();
        }

        var destinations = _order.Select(b => new DestinationReport(b.Stats.Destination, b.Stats.Published, b.Stats.Written, b.Stats.Chunks, b.Stats.Bytes)).ToList();
        var report = new SinkReport(Name, _published, Interlocked.Read(ref _written), _dropped, destinations) { BlockedSeconds = Blocked.TotalSeconds };
        if (report.NotWritten != 0 || destinations.Any(d => d.Published != d.Written))
        {
            throw new EgressException(
                $"Sink '{Name}' accounting failed: published {report.Published}, written {report.Written}, dropped {report.Dropped}; " +
                $"{report.NotWritten} records not written.")
            { SinkName = Name, RecordsNotWritten = report.NotWritten };
        }

        return report;
    }

    /// <summary>Stops the writer without draining (after a failure elsewhere).</summary>
    public void Abort()
    {
        _cancel.Cancel();
        _queue.Writer.TryComplete();
    }

    private DestinationBuffer FindBuffer(string destination, bool flatten)
    {
        if (!_buffers.TryGetValue(destination, out var buffer))
        {
            ChunkNaming.Validate(destination, "destination");
            _registry.Claim(_options.Store.Location, destination, Name);
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
                Enqueue(buffer.TakeBatch());
            }
            else if (deadline < next)
            {
                next = deadline;
            }
        }

        _nextDeadline = next;
    }

    private void Enqueue(RecordBatch batch)
    {
        if (_queue.Writer.TryWrite(batch))
        {
            return;
        }

        // The slow path only: the fast path above takes no timestamp, so an unblocked publisher pays nothing for this.
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            WaitAndWrite(batch, started);
        }
        finally
        {
            Interlocked.Add(ref _blockedTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
        }
    }

    private void WaitAndWrite(RecordBatch batch, long started)
    {
        while (true)
        {
            if (_fault is not null)
            {
                throw FaultException();
            }

            var remaining = _options.StallTimeout - System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw Stalled("its queue stayed full");
            }

            bool open;
            try
            {
                var wait = _queue.Writer.WaitToWriteAsync(_cancel.Token).AsTask();
                if (!wait.Wait(remaining))
                {
                    throw Stalled("its queue stayed full");
                }

                open = wait.Result;
            }
            catch (AggregateException) when (_fault is not null)
            {
                throw FaultException();
            }

            if (!open)
            {
                throw _fault is not null ? FaultException() : new EgressException($"Sink '{Name}' is closed; {NotWritten} records not written.") { SinkName = Name, RecordsNotWritten = NotWritten };
            }

            if (_queue.Writer.TryWrite(batch))
            {
                return;
            }
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var token = _cancel.Token;
        var inFlight = new Queue<StoreInFlight>(_options.MaxStoresInFlight);
        try
        {
            while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var batch))
                {
                    // Encode this batch while earlier chunks are still being stored: stores wait on the disk or the
                    // network, not the CPU, so several in flight hide their latency (encoders rotate enough buffers).
                    var path = ChunkNaming.ChunkPath(batch.Destination, batch.ChunkIndex);
                    _faultChunk = path;
                    var bytes = await _encoder.EncodeAsync(batch, token).ConfigureAwait(false);
                    while (inFlight.Count >= _options.MaxStoresInFlight)
                    {
                        await CompleteOldestAsync(inFlight).ConfigureAwait(false);
                    }

                    _faultChunk = path;
                    inFlight.Enqueue(new StoreInFlight(_options.Store.PutAsync(path, bytes, token), batch, path, bytes.Length));
                }
            }

            while (inFlight.Count > 0)
            {
                await CompleteOldestAsync(inFlight).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && token.IsCancellationRequested))
        {
            // Chunks still being stored when another one failed count if they land (bounded wait).
            foreach (var store in inFlight)
            {
                if (!store.Task.IsCompleted)
                {
                    await Task.WhenAny(store.Task, Task.Delay(_options.StallTimeout, CancellationToken.None)).ConfigureAwait(false);
                }

                if (store.Task.IsCompletedSuccessfully)
                {
                    Stored(store.Batch, store.Bytes);
                }
            }

            _fault = ex;
            _cancel.Cancel();
            _queue.Writer.TryComplete(ex);
        }
        catch (OperationCanceledException)
        {
            // Aborted or stalled: the caller already has its exception.
        }
    }

    private async Task CompleteOldestAsync(Queue<StoreInFlight> inFlight)
    {
        var oldest = inFlight.Peek();
        _faultChunk = oldest.Path;
        await oldest.Task.ConfigureAwait(false);
        inFlight.Dequeue();
        Stored(oldest.Batch, oldest.Bytes);
    }

    private void Stored(RecordBatch batch, int bytes)
    {
        batch.Stats.Written += batch.Count;
        batch.Stats.Chunks++;
        batch.Stats.Bytes += bytes;
        Interlocked.Add(ref _written, batch.Count);
        Array.Clear(batch.Records, 0, batch.Count);
        _arrays.Add(batch.Records);
    }

    private SimRecord[] RentArray() => _arrays.TryTake(out var array) ? array : new SimRecord[_batchSize];

    private EgressException FaultException()
    {
        var cause = _fault!;
        var notWritten = NotWritten;
        return new EgressException(
            string.Create(CultureInfo.InvariantCulture,
                $"Sink '{Name}' failed writing chunk '{_faultChunk}' to {_options.Store.Location}: {cause.Message} {notWritten} records not written."),
            cause)
        { SinkName = Name, RecordsNotWritten = notWritten };
    }

    private EgressStalledException Stalled(string what)
    {
        _fault ??= new TimeoutException($"the sink stalled: {what}.");
        _cancel.Cancel();
        var notWritten = NotWritten;
        return new EgressStalledException(
            string.Create(CultureInfo.InvariantCulture,
                $"Sink '{Name}' stopped consuming: {what} for {_options.StallTimeout.TotalSeconds:0.###} s (store {_options.Store.Location}). " +
                $"{notWritten} records not written. Check the store, or raise StallTimeout if it is only slow."))
        { SinkName = Name, RecordsNotWritten = notWritten };
    }
}
