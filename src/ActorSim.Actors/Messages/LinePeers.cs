namespace ActorSim.Actors.Messages;

/// <summary>
/// Coordinator to line, before its first grant: the lines it sends to that run on its own node, to which it sends the
/// items due before <paramref name="Before"/> straight, reporting only how many (<see cref="GrantDone.Direct"/>). In a
/// run that takes checkpoints the line keeps those that may not have arrived, and lists the ones in transit at each
/// instant it captures (<see cref="LineStateCaptured.InTransitOut"/>): the coordinator never held them. Not sent when
/// the run takes snapshots: those count every item in transit at the coordinator as it holds them.
/// </summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="Line">The line's index.</param>
/// <param name="Peers">The indexes of the destination lines on the line's node.</param>
/// <param name="Before">The run's end time: an item due then or later is never delivered and goes through the coordinator, which holds it.</param>
/// <param name="Checkpointed">The run takes checkpoints: keep the items sent straight until they have arrived.</param>
internal sealed record LinePeers(string RunId, int Line, IReadOnlyList<int> Peers, double Before, bool Checkpointed = false) : IRunMessage;
