namespace ActorSim.Cluster;

/// <summary>How the lines a blueprint does not pin are placed on the worker nodes (<c>actorsim history --placement</c>).</summary>
public enum PlacementRule
{
    /// <summary>Line <c>i</c> (in the plant's order) on worker <c>i mod n</c>: the default.</summary>
    Spread,

    /// <summary>
    /// The lines that exchange most items on the same worker, as many lines on each worker as <see cref="Spread"/>
    /// puts there (<see cref="LineFlows"/>).
    /// </summary>
    Together,
}
