using ActorSim.Egress.Internal;

namespace ActorSim.Egress.Writers;

/// <summary>Turns one batch into the bytes of one chunk file; used by one writer task at a time.</summary>
internal interface IChunkEncoder
{
    /// <summary>The chunk's bytes, valid until the next call.</summary>
    ValueTask<ReadOnlyMemory<byte>> EncodeAsync(RecordBatch batch, CancellationToken cancellationToken);
}
