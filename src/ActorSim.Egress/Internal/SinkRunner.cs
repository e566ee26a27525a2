using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ActorSim.Egress.Reports;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Internal;

/// <summary>
/// One sink of an <see cref="EgressPipeline"/> on two threads: the publisher routes and batches (<see cref="SinkBatcher"/>),
/// a background task encodes and stores (<see cref="ChunkStorer"/>), and a bounded queue of batches joins them. A full
/// queue blocks the publisher (backpressure); a writer failure or a stall surfaces at the next <see cref="Publish"/> or
/// at <see cref="CompleteAsync"/>. The run's cancellation ends every wait with an <see cref="OperationCanceledException"/>
/// and cancels the stores in flight; nothing more is stored.
/// </summary>
internal sealed class SinkRunner
{
    private readonly SinkOptions _options;
    private readonly SinkBatcher _batcher;
    private readonly ChunkStorer _storer;
    private readonly SinkParts _parts;
    private readonly Channel<RecordBatch> _queue;
    private readonly CancellationToken _stop;
    private readonly CancellationTokenSource _cancel;
    private readonly Task _writer;
    private long _blockedTicks;
    private volatile Exception? _fault;

    public SinkRunner(SinkOptions options, DateTime logicalStart, DestinationRegistry registry, CancellationToken cancellationToken)
    {
        _options = options;
        _stop = cancellationToken;
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _parts = new SinkParts(options, logicalStart, registry, Enqueue);
        _batcher = _parts.Batcher;
        _storer = _parts.Storer;
        _queue = Channel.CreateBounded<RecordBatch>(new BoundedChannelOptions(options.MaxQueuedBatches)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(WriteLoopAsync);
    }

    public string Name => _options.Name;

    /// <summary>Records stored so far (readable from any thread).</summary>
    public long Written => _storer.Written;

    /// <summary>Wall time the publisher spent blocked on a full queue so far (readable from any thread).</summary>
    public TimeSpan Blocked => TimeSpan.FromSeconds((double)Interlocked.Read(ref _blockedTicks) / System.Diagnostics.Stopwatch.Frequency);

    /// <summary>Batches waiting for the writer now (readable from any thread).</summary>
    public int QueuedBatches => _queue.Reader.Count;

    /// <summary>Routes and buffers one record; blocks while the queue is full, up to the stall timeout.</summary>
    [MethodImpl(HotPath.Options)]
    public void Publish(in SimRecord record)
    {
        if (_fault is not null)
        {
            throw _parts.Failed(_fault);
        }

        _batcher.Add(in record);
    }

    /// <summary>Flushes every buffer, closes the queue, waits for the writer while it makes progress, and reports.</summary>
    public async Task<SinkReport> CompleteAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            throw _parts.Cancelled("before its drain", _stop);
        }

        if (_fault is not null)
        {
            throw _parts.Failed(_fault);
        }

        _batcher.FlushAll();
        _queue.Writer.TryComplete();
        var seen = -1L;
        while (!_writer.IsCompleted)
        {
            var written = _storer.Written;
            if (written == seen)
            {
                throw Stalled("draining its queue at teardown");
            }

            seen = written;
            try
            {
                await _writer.WaitAsync(_options.StallTimeout, _stop).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Checked for progress at the top of the loop.
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw _parts.Cancelled("draining its queue", _stop);
            }
        }

        if (_fault is not null)
        {
            throw _parts.Failed(_fault);
        }

        return _parts.Report(Blocked);
    }

    /// <summary>The counts so far, unchecked (for a failed run's report).</summary>
    public SinkReport Snapshot() => _parts.Snapshot(Blocked);

    /// <summary>Stops the writer without draining (after a failure elsewhere).</summary>
    public void Abort()
    {
        _cancel.Cancel();
        _queue.Writer.TryComplete();
    }

    /// <summary>
    /// Stops the writer without draining and waits for it, at most the stall timeout: the stores in flight, cancelled,
    /// have ended (stored whole or not at all) when this returns, so none is still writing when the run ends.
    /// </summary>
    public async Task StopAsync()
    {
        Abort();
        try
        {
            await _writer.WaitAsync(_options.StallTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A store that ignores cancellation: the run ends without it, as after a stall.
        }
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
            if (_stop.IsCancellationRequested)
            {
                throw _parts.Cancelled("waiting for room in its queue", _stop);
            }

            if (_fault is not null)
            {
                throw _parts.Failed(_fault);
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
            catch (AggregateException) when (_stop.IsCancellationRequested)
            {
                throw _parts.Cancelled("waiting for room in its queue", _stop);
            }
            catch (AggregateException) when (_fault is not null)
            {
                throw _parts.Failed(_fault);
            }

            if (!open)
            {
                throw _fault is not null
                    ? _parts.Failed(_fault)
                    : new EgressException($"Sink '{Name}' is closed; {_parts.NotWritten} records not written.") { SinkName = Name, RecordsNotWritten = _parts.NotWritten };
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
        try
        {
            while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var batch))
                {
                    token.ThrowIfCancellationRequested();
                    while (!_storer.HasRoom)
                    {
                        await _storer.LandOldestAsync().ConfigureAwait(false);
                    }

                    _storer.Start(batch, token);
                }
            }

            while (_storer.Oldest is not null)
            {
                await _storer.LandOldestAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && token.IsCancellationRequested))
        {
            // Chunks still being stored when another one failed count if they land (bounded wait).
            await _storer.SettleAsync().ConfigureAwait(false);
            _fault = ex;
            _cancel.Cancel();
            _queue.Writer.TryComplete(ex);
        }
        catch (OperationCanceledException)
        {
            // Aborted, stalled or cancelled: the caller already has its exception. The stores in flight were given the
            // token; those that landed count, and none is left running.
            await _storer.SettleAsync().ConfigureAwait(false);
        }
    }

    private EgressStalledException Stalled(string what)
    {
        _fault ??= new TimeoutException($"the sink stalled: {what}.");
        _cancel.Cancel();
        return _parts.Stalled(what);
    }
}
