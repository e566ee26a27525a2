namespace ActorSim.Egress.Internal;

/// <summary>Counters of one destination: <see cref="Published"/> is touched only by the publisher, the rest only by the writer.</summary>
internal sealed class DestinationStats(string destination)
{
    public string Destination { get; } = destination;

    public long Published { get; set; }

    public long Written { get; set; }

    public int Chunks { get; set; }

    public long Bytes { get; set; }
}
