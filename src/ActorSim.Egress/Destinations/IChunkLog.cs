namespace ActorSim.Egress.Destinations;

/// <summary>Told of every chunk a sink has stored, once it landed; called from the sinks' writer threads at once.</summary>
public interface IChunkLog
{
    /// <summary>Records that <paramref name="chunk"/> is stored whole under its final name.</summary>
    void Stored(StoredChunk chunk);
}
