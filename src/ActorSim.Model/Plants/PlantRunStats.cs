namespace ActorSim.Model.Plants;

/// <summary>What a plant run did, apart from its records.</summary>
/// <param name="Rounds">Synchronization rounds (0 for the sequential reference, which needs none).</param>
/// <param name="Grants">Line grants over all rounds (0 for the sequential reference).</param>
/// <param name="ProcessedEvents">Engine events processed, over all lines.</param>
/// <param name="ItemsSent">Items sent over links, over all lines (including those still in transit at the end).</param>
public sealed record PlantRunStats(long Rounds, long Grants, long ProcessedEvents, long ItemsSent);
