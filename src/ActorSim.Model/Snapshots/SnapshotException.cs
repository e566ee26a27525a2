namespace ActorSim.Model.Snapshots;

/// <summary>A snapshot that cannot be read or does not fit the model; the message names the JSON path and the rule.</summary>
public sealed class SnapshotException : Exception
{
    /// <summary>A refusal at <paramref name="jsonPath"/> (e.g. <c>lines[0].tasks[12].since</c>), saying <paramref name="rule"/>.</summary>
    public SnapshotException(string jsonPath, string rule)
        : base(jsonPath.Length == 0 ? rule : $"{jsonPath}: {rule}")
    {
        JsonPath = jsonPath;
    }

    /// <summary>A refusal with its own message.</summary>
    public SnapshotException(string message)
        : base(message)
    {
        JsonPath = string.Empty;
    }

    /// <summary>A refusal with its own message and cause.</summary>
    public SnapshotException(string message, Exception innerException)
        : base(message, innerException)
    {
        JsonPath = string.Empty;
    }

    /// <summary>An empty refusal.</summary>
    public SnapshotException()
    {
        JsonPath = string.Empty;
    }

    /// <summary>Where in the document the problem is (empty when it is the whole document).</summary>
    public string JsonPath { get; init; }
}
