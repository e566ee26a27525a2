using ActorSim.Model.Distributions;

namespace ActorSim.Model.Parameters;

/// <summary>
/// The parameters of one line (dynamic-des's <c>SimParameter</c>): arrival and service distributions,
/// resource, container and store capacities, and free variables (bool, int, double or string).
/// A <see cref="Registry.ParameterRegistry"/> flattens them into dot paths such as <c>Line_A.arrival.standard.rate</c>.
/// </summary>
public sealed class SimParameter
{
    /// <summary>Creates the parameters of the line <paramref name="simId"/>.</summary>
    public SimParameter(string simId)
    {
        PathNames.EnsureValid(simId, "sim_id");
        SimId = simId;
    }

    /// <summary>The line's id, the first segment of every path.</summary>
    public string SimId { get; }

    /// <summary>Arrival distributions by name (<c>&lt;sim_id&gt;.arrival.&lt;name&gt;</c>).</summary>
    public Dictionary<string, DistributionConfig> Arrival { get; } = new(StringComparer.Ordinal);

    /// <summary>Service distributions by name (<c>&lt;sim_id&gt;.service.&lt;name&gt;</c>).</summary>
    public Dictionary<string, DistributionConfig> Service { get; } = new(StringComparer.Ordinal);

    /// <summary>Resource capacities by name (<c>&lt;sim_id&gt;.resources.&lt;name&gt;</c>; whole numbers).</summary>
    public Dictionary<string, CapacityConfig> Resources { get; } = new(StringComparer.Ordinal);

    /// <summary>Container capacities by name (<c>&lt;sim_id&gt;.containers.&lt;name&gt;</c>; continuous).</summary>
    public Dictionary<string, CapacityConfig> Containers { get; } = new(StringComparer.Ordinal);

    /// <summary>Store capacities by name (<c>&lt;sim_id&gt;.stores.&lt;name&gt;</c>; whole numbers).</summary>
    public Dictionary<string, CapacityConfig> Stores { get; } = new(StringComparer.Ordinal);

    /// <summary>Free variables by name (<c>&lt;sim_id&gt;.variables.&lt;name&gt;</c>): bool, int, long, double or string.</summary>
    public Dictionary<string, object> Variables { get; } = new(StringComparer.Ordinal);
}
