namespace ActorSim.Egress.Destinations;

/// <summary>One line's chunk log into a <see cref="DestinationSession"/>: paths made relative to the destination by a prefix.</summary>
internal sealed class DestinationChunkLog(DestinationSession session, string line, string pathPrefix) : IChunkLog
{
    public void Stored(StoredChunk chunk) =>
        session.Log(new ManifestChunk(pathPrefix + chunk.Path, line, chunk.Sink, chunk.Rows, chunk.Bytes, chunk.Sha256));
}
