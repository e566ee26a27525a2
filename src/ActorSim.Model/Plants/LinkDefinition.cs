using ActorSim.Model.Distributions;

namespace ActorSim.Model.Plants;

/// <summary>
/// A link of a plant: items sent by line <see cref="From"/> reach line <see cref="To"/> after a draw of
/// <see cref="Delay"/>, never sooner than <see cref="Lookahead"/> seconds. The delay is a template: each run
/// registers a copy under <c>&lt;from&gt;.links.&lt;name&gt;</c>.
/// </summary>
/// <param name="Name">The link's name, unique in the plant.</param>
/// <param name="From">The sending line's sim_id.</param>
/// <param name="To">The receiving line's sim_id.</param>
/// <param name="Lookahead">The least transit time in seconds (positive): what lets the lines run apart.</param>
/// <param name="Delay">The transit time distribution; its smallest value must be at least the lookahead.</param>
public sealed record LinkDefinition(string Name, string From, string To, double Lookahead, DistributionConfig Delay)
{
    /// <summary>The registry prefix of the link's delay, under the sending line.</summary>
    public string Path => $"{From}.links.{Name}";
}
