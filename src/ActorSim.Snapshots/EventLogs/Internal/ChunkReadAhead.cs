using ActorSim.Egress.Storage;

namespace ActorSim.Snapshots.EventLogs.Internal;

/// <summary>
/// Fetches and decodes the next <see cref="Depth"/> chunks on the thread pool while the caller works through the current
/// one, and hands them out in order. Each chunk in flight has a decoder and record buffer of its own; the current
/// chunk's buffer is reused only once the caller asks for the next. A chunk the time bound rules out after it was
/// started is dropped unread, its failure unobserved.
/// </summary>
internal sealed class ChunkReadAhead : IAsyncDisposable
{
    /// <summary>Chunks fetched and decoded ahead of the current one.</summary>
    public const int Depth = 2;

    private readonly IObjectStore _destination;
    private readonly IReadOnlyList<ChunkFile> _chunks;
    private readonly double _until;
    private readonly UntilPruner _pruner;
    private readonly CancellationTokenSource _cancel;
    private readonly Queue<(int Index, Slot Slot, Task<bool> Decoded)> _inFlight = new();
    private readonly Stack<Slot> _free = new();
    private Slot? _current;
    private int _next;

    public ChunkReadAhead(IObjectStore destination, IReadOnlyList<ChunkFile> chunks, double until, CancellationToken cancellationToken)
    {
        _destination = destination;
        _chunks = chunks;
        _until = until;
        _pruner = new UntilPruner(until);
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>The next chunk that has records before the bound, with them; null at the end.</summary>
    public async ValueTask<(ChunkFile Chunk, RecordBuffer Records)?> NextAsync()
    {
        if (_current is not null)
        {
            _free.Push(_current);
            _current = null;
        }

        while (true)
        {
            Start();
            if (!_inFlight.TryDequeue(out var flight))
            {
                return null;
            }

            var chunk = _chunks[flight.Index];
            if (_pruner.Skips(chunk))
            {
                Forget(flight.Decoded); // its slot goes with it: the decode may still be writing into it
                continue;
            }

            var reachedUntil = await flight.Decoded.ConfigureAwait(false);
            _pruner.Observe(chunk, flight.Slot.Records.Span, reachedUntil);
            if (flight.Slot.Records.Count == 0)
            {
                _free.Push(flight.Slot);
                continue;
            }

            _current = flight.Slot;
            Start();
            return (chunk, flight.Slot.Records);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync().ConfigureAwait(false);
        while (_inFlight.TryDequeue(out var flight))
        {
            Forget(flight.Decoded);
        }

        _cancel.Dispose();
    }

    /// <summary>Starts chunks until <see cref="Depth"/> are in flight beside the current one.</summary>
    private void Start()
    {
        while (_inFlight.Count < Depth && _next < _chunks.Count)
        {
            var index = _next++;
            if (_pruner.Skips(_chunks[index]))
            {
                continue;
            }

            var slot = _free.Count > 0 ? _free.Pop() : new Slot(new ChunkDecoder(_destination.Location), new RecordBuffer());
            var token = _cancel.Token;
            _inFlight.Enqueue((index, slot, Task.Run(() => DecodeAsync(_chunks[index], slot, token), token)));
        }
    }

    private async Task<bool> DecodeAsync(ChunkFile chunk, Slot slot, CancellationToken cancellationToken)
    {
        slot.Records.Clear();
        var bytes = await _destination.ReadAsync(chunk.Path, cancellationToken).ConfigureAwait(false);
        return await slot.Decoder.DecodeAsync(chunk, bytes, slot.Records, _until, cancellationToken).ConfigureAwait(false);
    }

    private static void Forget(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private sealed record Slot(ChunkDecoder Decoder, RecordBuffer Records);
}
