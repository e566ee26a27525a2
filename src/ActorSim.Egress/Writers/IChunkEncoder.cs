using ActorSim.Egress.Internal;

namespace ActorSim.Egress.Writers;

/// <summary>
/// Turns one batch into the bytes of one chunk file; used by one writer at a time. Encoders rotate several
/// output buffers, so the writer can store one chunk while it encodes the next.
/// </summary>
internal interface IChunkEncoder
{
    /// <summary>The chunk's bytes, valid until the encoder has been called as many more times as it has buffers.</summary>
    ReadOnlyMemory<byte> Encode(RecordBatch batch);
}
