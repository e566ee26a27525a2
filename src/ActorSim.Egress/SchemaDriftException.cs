namespace ActorSim.Egress;

/// <summary>
/// A record does not fit the schema a destination took from its first batch: a column of another type,
/// or a column the schema does not have. Only int64 → double widens silently.
/// </summary>
public sealed class SchemaDriftException : EgressException
{
    /// <summary>Creates a drift error for a destination, column and the expected and found types.</summary>
    public SchemaDriftException(string destination, string column, string expected, string found)
        : base($"Schema drift at destination '{destination}': column '{column}' is {expected} in the schema inferred from " +
               $"the destination's first batch, but a record has {found}. Route such records to another destination, " +
               "or make the first batch carry the column with its final type.")
    {
        Destination = destination;
        Column = column;
        Expected = expected;
        Found = found;
    }

    /// <summary>Creates a drift error with a message only (prefer the other constructor).</summary>
    public SchemaDriftException(string message)
        : base(message)
    {
        Destination = Column = Expected = Found = string.Empty;
    }

    /// <summary>Creates a drift error with a message and cause (prefer the other constructor).</summary>
    public SchemaDriftException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Destination = Column = Expected = Found = string.Empty;
    }

    /// <summary>Creates a drift error with no detail (prefer the other constructors).</summary>
    public SchemaDriftException()
        : this("Schema drift.")
    {
    }

    /// <summary>The destination path, e.g. <c>events.parquet</c>.</summary>
    public string Destination { get; }

    /// <summary>The column that does not fit.</summary>
    public string Column { get; }

    /// <summary>The type in the destination's schema (<c>absent</c> for an unknown column).</summary>
    public string Expected { get; }

    /// <summary>The type the record carries.</summary>
    public string Found { get; }
}
