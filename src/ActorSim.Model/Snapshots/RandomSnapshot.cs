namespace ActorSim.Model.Snapshots;

/// <summary>A line's random stream at a snapshot's instant (exact snapshots).</summary>
/// <param name="Stream">The stream's name (the line's id).</param>
/// <param name="State">The xoshiro256** generator's four state words, as 16 hex digits each.</param>
/// <param name="SpareNormal">The second normal of the last pair drawn, kept for the next normal draw, if any.</param>
public sealed record RandomSnapshot(string Stream, IReadOnlyList<string> State, double? SpareNormal = null);
