using System.Text.RegularExpressions;

namespace ActorSim.Blueprints.Internal;

/// <summary>
/// <c>${VAR}</c> and <c>${VAR:-default}</c> in scalar values, as in dynamic-des and the shell: the default is used when the
/// variable is unset or empty; <c>$${</c> writes a literal <c>${</c>.
/// </summary>
internal static partial class EnvironmentSubstitution
{
    /// <summary>The substituted text; <paramref name="unset"/> names the first variable that is unset and has no default.</summary>
    public static string Apply(string text, Func<string, string?> environment, out string? unset)
    {
        unset = null;
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }

        string? missing = null;
        var result = Pattern().Replace(text, match =>
        {
            if (match.Groups["escape"].Success)
            {
                return "${";
            }

            var name = match.Groups["name"].Value;
            var value = environment(name);
            if (match.Groups["default"].Success)
            {
                return string.IsNullOrEmpty(value) ? match.Groups["default"].Value : value;
            }

            if (value is null)
            {
                missing ??= name;
                return string.Empty;
            }

            return value;
        });
        unset = missing;
        return result;
    }

    [GeneratedRegex(@"(?<escape>\$\$\{)|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::-(?<default>[^}]*))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
