namespace ActorSim.Model.Records;

/// <summary>Keeps every record in a list; for tests and small runs.</summary>
public sealed class InMemoryRecordSink : IRecordSink
{
    private readonly List<SimRecord> _records = [];

    /// <summary>The records in publication order.</summary>
    public IReadOnlyList<SimRecord> Records => _records;

    /// <inheritdoc />
    public void Publish(in SimRecord record) => _records.Add(record);
}
