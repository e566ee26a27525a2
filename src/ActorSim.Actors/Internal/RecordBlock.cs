using System.Collections.Concurrent;
using ActorSim.Model.Records;

namespace ActorSim.Actors.Internal;

/// <summary>
/// Records a line hands to its egress actors in one go, in publication order. Every sink reads the same block; the
/// last one to take it in gives it back to the line's pool. Never leaves the process.
/// </summary>
internal sealed class RecordBlock(ConcurrentBag<RecordBlock> pool, int capacity)
{
    private int _readers;

    public SimRecord[] Records { get; } = new SimRecord[capacity];

    public int Count { get; set; }

    public bool IsFull => Count == Records.Length;

    public ReadOnlySpan<SimRecord> Span => Records.AsSpan(0, Count);

    /// <summary>Sends the block to <paramref name="readers"/> sinks.</summary>
    public void HandTo(int readers) => Volatile.Write(ref _readers, readers);

    /// <summary>One sink has taken the records in; the last one clears the block and returns it to the pool.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _readers) == 0)
        {
            Array.Clear(Records, 0, Count);
            Count = 0;
            pool.Add(this);
        }
    }
}
