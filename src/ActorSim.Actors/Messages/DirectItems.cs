namespace ActorSim.Actors.Messages;

/// <summary>
/// Line to a line on the same node: items sent straight to it at the end of a grant, in sending order, held until a
/// grant releases them (<see cref="Grant.Direct"/>). Told before the sender's report, so on one node it is in the
/// destination's mailbox before the grant that releases it.
/// </summary>
/// <param name="RunId">The run it belongs to.</param>
/// <param name="SourceLine">The sending line's index.</param>
/// <param name="Items">The items, in the order sent.</param>
internal sealed record DirectItems(string RunId, int SourceLine, IReadOnlyList<ActorSim.Model.Plants.ItemShipment> Items) : IRunMessage;
