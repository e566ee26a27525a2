using ActorSim.Model.Text;

namespace ActorSim.Cli.CommandLine;

/// <summary>
/// The names a mistyped token was most likely meant to be: those it begins, else those at the smallest edit distance,
/// if that is small.
/// </summary>
internal static class TypoSuggestion
{
    /// <summary>The closest of <paramref name="names"/> to <paramref name="token"/>, empty when none is close.</summary>
    public static IReadOnlyList<string> For(string token, IEnumerable<string> names)
    {
        // '--x' is a long option mistyped, not '-h'.
        names = token.StartsWith("--", StringComparison.Ordinal) ? names.Where(n => n.StartsWith("--", StringComparison.Ordinal)) : names;

        // A cut-short name ('--dura') is that name.
        var prefixed = token.TrimStart('-').Length >= 3
            ? names.Where(n => n.StartsWith(token, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            : [];
        if (prefixed.Count > 0)
        {
            return prefixed;
        }

        // A third of the token may be wrong (at least 2 edits): '--durations' finds '--duration', '--seed' is not '--dest'.
        var limit = Math.Max(2, token.TrimStart('-').Length / 3);
        var scored = names.Distinct(StringComparer.Ordinal).Select(n => (Name: n, Distance: EditDistance.Between(token, n, ignoreCase: true))).Where(s => s.Distance <= limit).ToList();
        if (scored.Count == 0)
        {
            return [];
        }

        var best = scored.Min(s => s.Distance);
        return scored.Where(s => s.Distance == best).Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
    }
}
