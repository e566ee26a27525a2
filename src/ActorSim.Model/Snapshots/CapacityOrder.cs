using System.Globalization;

namespace ActorSim.Model.Snapshots;

/// <summary>
/// The order in which a snapshot's registry values are applied so that no step breaks a capacity's rule
/// (<c>current_cap ≤ max_cap</c>): every other value first, then for each capacity its <c>max_cap</c> first when it does
/// not fall below the capacity in force, else its <c>current_cap</c> first. In path order, raising both above the
/// model's <c>max_cap</c> would set <c>current_cap</c> too high before <c>max_cap</c> made room.
/// </summary>
internal static class CapacityOrder
{
    private const string Current = ".current_cap";
    private const string Max = ".max_cap";

    /// <summary><paramref name="values"/> in a safe order; <paramref name="inForce"/> reads a path's value before any is applied.</summary>
    public static IEnumerable<KeyValuePair<string, object>> Ordered(IEnumerable<KeyValuePair<string, object>> values, Func<string, object?> inForce)
    {
        var list = values.ToList();
        foreach (var value in list.Where(v => !IsCapacity(v.Key)))
        {
            yield return value;
        }

        var capacities = list.Where(v => IsCapacity(v.Key)).GroupBy(v => Prefix(v.Key), StringComparer.Ordinal);
        foreach (var capacity in capacities)
        {
            var max = capacity.FirstOrDefault(v => v.Key.EndsWith(Max, StringComparison.Ordinal));
            var current = capacity.FirstOrDefault(v => v.Key.EndsWith(Current, StringComparison.Ordinal));
            var growing = max.Key is null || !TryNumber(max.Value, out var newMax) || !TryNumber(inForce(capacity.Key + Current), out var oldCurrent) || newMax >= oldCurrent;
            foreach (var value in growing ? new[] { max, current } : [current, max])
            {
                if (value.Key is not null)
                {
                    yield return value;
                }
            }
        }
    }

    private static bool IsCapacity(string path) => path.EndsWith(Current, StringComparison.Ordinal) || path.EndsWith(Max, StringComparison.Ordinal);

    private static string Prefix(string path) => path[..path.LastIndexOf('.')];

    private static bool TryNumber(object? value, out double number)
    {
        number = 0;
        return value is not null and not string and not bool && double.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }
}
