namespace ActorSim.Cluster.Messages;

/// <summary>
/// Client → worker node's plant host, before <see cref="LinesOffered"/> of a run restored from a checkpoint: part of
/// line <paramref name="Line"/>'s egress state (<c>EgressCheckpointCodec</c>, <paramref name="Total"/> bytes; its pending
/// records can be megabytes) at <paramref name="Offset"/>. Sent one at a time, each answered by <see cref="LinesPrepared"/>,
/// so that no message passes the remoting frame size.
/// </summary>
internal sealed record LineStatePart(string RunId, int Line, int Offset, int Total, byte[] Bytes) : IClusterMessage;
