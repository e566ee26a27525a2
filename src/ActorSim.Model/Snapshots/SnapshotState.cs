using System.Globalization;
using ActorSim.Model.Building;
using ActorSim.Model.Random;
using ActorSim.Model.Registry;

namespace ActorSim.Model.Snapshots;

/// <summary>The parts of a restore that come before the line exists: its registry values and its random stream.</summary>
internal static class SnapshotState
{
    /// <summary>
    /// Applies the snapshot's parameters and resource capacities over the model's values, then sets the changes no
    /// process has seen yet to the snapshot's (none for an observed one).
    /// </summary>
    public static void ApplyParameters(ParameterRegistry registry, LineSnapshot state, string at)
    {
        foreach (var (path, value) in CapacityOrder.Ordered(state.Parameters, p => registry.Contains(p) ? registry.Get(p) : null))
        {
            Update(registry, path, value, $"{at}.parameters['{path}']");
        }

        for (var i = 0; i < state.Resources.Count; i++)
        {
            var resource = state.Resources[i];
            var path = $"{state.SimId}.resources.{resource.Name}";
            var growing = resource.MaxCap >= Convert.ToInt64(registry.Get($"{path}.current_cap"), CultureInfo.InvariantCulture);
            foreach (var (field, value) in growing
                ? new[] { ("max_cap", resource.MaxCap), ("current_cap", resource.CurrentCap) }
                : new[] { ("current_cap", resource.CurrentCap), ("max_cap", resource.MaxCap) })
            {
                Update(registry, $"{path}.{field}", (long)value, $"{at}.resources[{i}].{field}");
            }
        }

        registry.ClearUnseenChanges();
        foreach (var path in state.UnseenChanges ?? [])
        {
            registry.MarkUnseenChange(path);
        }
    }

    /// <summary>An exact snapshot's own stream, going on where it was; otherwise <paramref name="fallback"/>.</summary>
    public static RandomStream StreamFor(LineSnapshot state, SnapshotKind kind, RandomStream fallback) =>
        kind == SnapshotKind.Exact && state.Random is { } random
            ? RandomStream.Restore(random.Stream, random.State.Select(w => ulong.Parse(w, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)).ToArray())
            : fallback;

    /// <summary>The sampler's kept normal of an exact snapshot.</summary>
    public static void ApplyRandom(Line line, LineSnapshot state, SnapshotKind kind)
    {
        if (kind == SnapshotKind.Exact && state.Random is { } random)
        {
            line.Sampler.SpareNormal = random.SpareNormal;
        }
    }

    private static void Update(ParameterRegistry registry, string path, object value, string at)
    {
        try
        {
            registry.Update(path, value);
        }
        catch (RegistryException e)
        {
            throw new SnapshotException(at, e.Message);
        }
    }
}
