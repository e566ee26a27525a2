namespace ActorSim.Blueprints;

/// <summary>
/// A blueprint that cannot be loaded. The message starts with <c>&lt;file&gt;:&lt;line&gt;:&lt;column&gt;:</c>, names the
/// key (as a dotted path such as <c>resources.lathe.current_cap</c>) and says what was wrong and what is accepted.
/// </summary>
public sealed class BlueprintException : Exception
{
    /// <summary>Creates the exception for a location in <paramref name="sourceName"/>.</summary>
    public BlueprintException(string sourceName, long line, long column, string keyPath, string problem, Exception? innerException = null)
        : base(Format(sourceName, line, column, keyPath, problem), innerException)
    {
        SourceName = sourceName;
        Line = line;
        Column = column;
        KeyPath = keyPath;
        Problem = problem;
    }

    /// <summary>The file (or source name) of the blueprint.</summary>
    public string SourceName { get; }

    /// <summary>The 1-based line of the offending node.</summary>
    public long Line { get; }

    /// <summary>The 1-based column of the offending node.</summary>
    public long Column { get; }

    /// <summary>The dotted key path of the offending node, e.g. <c>tasks.part.steps[0].resource</c>; empty for the document.</summary>
    public string KeyPath { get; }

    /// <summary>What was wrong, without the location prefix.</summary>
    public string Problem { get; }

    private static string Format(string sourceName, long line, long column, string keyPath, string problem) =>
        keyPath.Length == 0
            ? $"{sourceName}:{line}:{column}: {problem}"
            : $"{sourceName}:{line}:{column}: {keyPath}: {problem}";
}
