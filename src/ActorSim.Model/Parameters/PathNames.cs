namespace ActorSim.Model.Parameters;

/// <summary>Rules for the names that make up registry paths.</summary>
internal static class PathNames
{
    /// <summary>Throws unless <paramref name="name"/> is a non-empty name without dots or spaces.</summary>
    public static void EnsureValid(string? name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"A {what} must not be empty.");
        }

        foreach (var c in name)
        {
            if (c == '.' || char.IsWhiteSpace(c))
            {
                throw new ArgumentException($"The {what} '{name}' must not contain dots or spaces: dots separate registry path segments.");
            }
        }
    }
}
