using ActorSim.Egress.Internal;

namespace ActorSim.Egress.Writers;

/// <summary>
/// Turns one batch into the bytes of one chunk file; used by one writer task at a time. Encoders alternate between two
/// output buffers, so the writer can store one chunk while it encodes the next.
/// </summary>
internal interface IChunkEncoder
{
    /// <summary>The chunk's bytes, valid until the call after next.</summary>
    ValueTask<ReadOnlyMemory<byte>> EncodeAsync(RecordBatch batch, CancellationToken cancellationToken);
}
