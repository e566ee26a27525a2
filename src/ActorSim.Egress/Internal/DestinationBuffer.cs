using ActorSim.Model.Records;

namespace ActorSim.Egress.Internal;

/// <summary>The batch being filled for one destination, on the publisher thread.</summary>
internal sealed class DestinationBuffer(string destination, bool flatten)
{
    public DestinationStats Stats { get; } = new(destination);

    /// <summary>Batches handed on so far: the next is chunk <c>Taken + 1</c>.</summary>
    public int Taken { get; set; }

    /// <summary>Records still to skip in a replay: stored already, before the checkpoint the run was restored from.</summary>
    public long Skip { get; set; }

    public bool Flatten { get; } = flatten;

    public SimRecord[]? Records { get; set; }

    public int Count { get; set; }

    /// <summary>Sim time of the batch's first record.</summary>
    public double FirstTime { get; set; }

    /// <summary>Hands the filled records over as a batch; the caller gives this buffer a fresh array before the next add.</summary>
    public RecordBatch TakeBatch()
    {
        var batch = new RecordBatch(Stats, Flatten, ++Taken, Records!, Count);
        Records = null;
        Count = 0;
        return batch;
    }
}
