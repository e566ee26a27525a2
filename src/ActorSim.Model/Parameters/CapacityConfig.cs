namespace ActorSim.Model.Parameters;

/// <summary>
/// The capacity of a resource, container or store: <see cref="CurrentCap"/> in force now and the
/// <see cref="MaxCap"/> it may grow to. Live: the registry changes it and dynamic resources follow.
/// </summary>
public sealed class CapacityConfig
{
    /// <summary>Creates a capacity; requires 0 ≤ current ≤ max, both finite.</summary>
    public CapacityConfig(double currentCap, double maxCap)
    {
        var problem = Check(currentCap, maxCap);
        if (problem is not null)
        {
            throw new ArgumentException($"Capacity current_cap={currentCap}, max_cap={maxCap} is refused: {problem}.");
        }

        CurrentCap = currentCap;
        MaxCap = maxCap;
    }

    /// <summary>The capacity in force.</summary>
    public double CurrentCap { get; internal set; }

    /// <summary>The largest capacity allowed.</summary>
    public double MaxCap { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"current_cap={CurrentCap}, max_cap={MaxCap}";

    /// <summary>The rule a (current, max) pair breaks, or null when it is valid.</summary>
    internal static string? Check(double currentCap, double maxCap)
    {
        if (!double.IsFinite(currentCap) || !double.IsFinite(maxCap))
        {
            return "capacities must be finite numbers";
        }

        if (maxCap < 0)
        {
            return "max_cap must be 0 or more";
        }

        if (currentCap < 0 || currentCap > maxCap)
        {
            return $"current_cap must lie in [0, max_cap] = [0, {maxCap}]";
        }

        return null;
    }
}
