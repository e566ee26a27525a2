using System.Collections.Concurrent;
using ActorSim.Model.Records;

namespace ActorSim.Egress.Internal;

/// <summary>The record arrays of one sink's batches: rented by its batcher, given back once their chunk is stored.</summary>
internal sealed class BatchArrayPool(int batchSize)
{
    private readonly ConcurrentBag<SimRecord[]> _arrays = [];

    public SimRecord[] Rent() => _arrays.TryTake(out var array) ? array : new SimRecord[batchSize];

    /// <summary>Clears the first <paramref name="count"/> records (they hold references) and keeps the array.</summary>
    public void Return(SimRecord[] array, int count)
    {
        Array.Clear(array, 0, count);
        _arrays.Add(array);
    }
}
