namespace ActorSim.Model.Plants;

/// <summary>The coordinator's word to a line for one round: deliver these items, then run every event strictly before <see cref="Horizon"/>.</summary>
/// <param name="Line">The line's index.</param>
/// <param name="Horizon">The safe horizon: the line runs <c>RunUntil(Horizon)</c>.</param>
/// <param name="Deliveries">Items for the line, in (arrival time, source line, sequence) order; none arrives before the line's current time.</param>
/// <param name="Direct">The items sent straight to the line that are due with these (empty: none).</param>
public sealed record LineGrant(int Line, double Horizon, IReadOnlyList<ItemShipment> Deliveries, IReadOnlyList<DirectRelease>? Direct = null);
