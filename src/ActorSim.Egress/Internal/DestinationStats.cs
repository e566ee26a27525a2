namespace ActorSim.Egress.Internal;

/// <summary>Counters of one destination: <see cref="Published"/> is touched only by the publisher, the rest only by the writer.</summary>
internal sealed class DestinationStats(string destination)
{
    public string Destination { get; } = destination;

    public long Published { get; set; }

    public long Written { get; set; }

    public int Chunks { get; set; }

    public long Bytes { get; set; }

    /// <summary>From any thread: the stored chunks' counters, read together (the writer updates them under the same lock).</summary>
    public (long Written, int Chunks, long Bytes) Landed()
    {
        lock (this)
        {
            return (Written, Chunks, Bytes);
        }
    }
}
