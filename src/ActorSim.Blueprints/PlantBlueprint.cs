using ActorSim.Model.Plants;

namespace ActorSim.Blueprints;

/// <summary>A loaded, checked plant blueprint: run settings, the plant (lines and links) and its sinks.</summary>
/// <param name="SourceName">The file (or source name) it was read from.</param>
/// <param name="Simulation">The <c>simulation</c> section; its <c>SimId</c> names the plant (default <see cref="DefaultName"/>).</param>
/// <param name="Plant">The lines, in file order (a line's index is its position), and the links, built and checked by <see cref="PlantBuilder"/>.</param>
/// <param name="Egress">The <c>egress</c> entries, in file order, shared by every line.</param>
public sealed record PlantBlueprint(
    string SourceName,
    SimulationSettings Simulation,
    PlantModel Plant,
    IReadOnlyList<EgressSpec> Egress)
{
    /// <summary>The plant's name when <c>simulation.sim_id</c> is absent.</summary>
    public const string DefaultName = "plant";

    /// <summary>The <c>state_source</c> section: the relations a database snapshot reads; null for the defaults.</summary>
    public StateSourceSpec? StateSource { get; init; }

    /// <summary>
    /// Lines pinned to worker nodes (<c>lines.&lt;sim_id&gt;.node</c>): by sim id, the role of the nodes the line may run
    /// on when the plant runs on a cluster; lines not listed go anywhere. Placement changes no record.
    /// </summary>
    public IReadOnlyDictionary<string, string> LineNodes { get; init; } = new Dictionary<string, string>();
}
