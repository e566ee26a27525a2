using ActorSim.Model.Distributions;

namespace ActorSim.Blueprints.Internal;

/// <summary>A link as written under <c>links:</c>, with its mapping so later checks can point at its keys.</summary>
/// <param name="Name">The link's name (its key under <c>links</c>).</param>
/// <param name="From">The sending line's sim_id.</param>
/// <param name="To">The receiving line's sim_id.</param>
/// <param name="Lookahead">The least transit time in seconds.</param>
/// <param name="Delay">The transit time distribution; null for exactly the lookahead.</param>
/// <param name="Map">The link's mapping in the blueprint.</param>
internal sealed record PlantLink(string Name, string From, string To, double Lookahead, DistributionConfig? Delay, MapNode Map);
