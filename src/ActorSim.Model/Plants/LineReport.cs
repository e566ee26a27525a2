namespace ActorSim.Model.Plants;

/// <summary>
/// A line's answer to a grant: it reached the granted horizon (or, told to stop early, the time in <see cref="Reached"/>);
/// its next event time and the items it sent meanwhile.
/// </summary>
/// <param name="Line">The line's index.</param>
/// <param name="NextEventTime">The time of its next scheduled event (+∞ for none), at or after where it stopped.</param>
/// <param name="Sent">The items it sent during the round, in the order it sent them.</param>
/// <param name="Reached">
/// Where a curtailed line stopped, before its horizon (null: it ran to the horizon). Stopping early is always safe: the
/// line's next event, which bounded what others were granted, is unchanged.
/// </param>
/// <param name="Direct">Items it sent straight to lines on its own node, per destination (null or empty: none).</param>
public sealed record LineReport(int Line, double NextEventTime, IReadOnlyList<ItemShipment> Sent, double? Reached = null, IReadOnlyList<DirectlySent>? Direct = null);
