namespace ActorSim.Model.Plants;

/// <summary>A line's answer to a grant: it reached the granted horizon; its next event time and the items it sent meanwhile.</summary>
/// <param name="Line">The line's index.</param>
/// <param name="NextEventTime">The time of its next scheduled event (+∞ for none), at or after the horizon.</param>
/// <param name="Sent">The items it sent during the round, in the order it sent them.</param>
public sealed record LineReport(int Line, double NextEventTime, IReadOnlyList<ItemShipment> Sent);
