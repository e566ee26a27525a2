using ActorSim.Model.Building;

namespace ActorSim.Blueprints;

/// <summary>A loaded, checked blueprint: run settings, the line's model and its sinks.</summary>
/// <param name="SourceName">The file (or source name) it was read from.</param>
/// <param name="Simulation">The <c>simulation</c> section.</param>
/// <param name="Model">The line, built and validated (references, scenario paths and values) by <see cref="LineBuilder"/>.</param>
/// <param name="Egress">The <c>egress</c> entries, in file order.</param>
public sealed record Blueprint(
    string SourceName,
    SimulationSettings Simulation,
    LineModel Model,
    IReadOnlyList<EgressSpec> Egress)
{
    /// <summary>The <c>state_source</c> section: the relations a database snapshot reads; null for the defaults.</summary>
    public StateSourceSpec? StateSource { get; init; }
}
