using ActorSim.Egress.Destinations;

namespace ActorSim.Actors.Messages;

/// <summary>Line to coordinator: its exact state, as the snapshot document's JSON for one line, and for a checkpoint its egress.</summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="Line">The line's index.</param>
/// <param name="StateJson">The line's state (<c>SnapshotJson.WriteLine</c>), or null when it could not be taken.</param>
/// <param name="Error">Why the state could not be taken, or null.</param>
/// <param name="Egress">For a checkpoint: its sinks' state (<c>EgressCheckpointCodec</c>); empty when the line has no egress actors.</param>
/// <param name="Chunks">For a checkpoint: the chunks its sinks stored since the last one.</param>
/// <param name="InTransitOut">
/// For a checkpoint: the items the line sent straight to lines on its node before the instant that arrive at it or
/// later (<see cref="LinePeers"/>), wherever they are now; the coordinator never held them. Null: none.
/// </param>
internal sealed record LineStateCaptured(
    string RunId, int Line, string? StateJson, string? Error, byte[]? Egress = null, ManifestChunk[]? Chunks = null,
    IReadOnlyList<ActorSim.Model.Plants.ItemShipment>? InTransitOut = null) : IRunMessage;
