namespace ActorSim.Snapshots.EventLogs.Internal;

/// <summary>The records of the chunk being read, in one array reused from chunk to chunk.</summary>
internal sealed class RecordBuffer
{
    private LoggedRecord[] _records = new LoggedRecord[1024];

    public int Count { get; private set; }

    public ReadOnlyMemory<LoggedRecord> Memory => _records.AsMemory(0, Count);

    public ReadOnlySpan<LoggedRecord> Span => _records.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(in LoggedRecord record)
    {
        if (Count == _records.Length)
        {
            Array.Resize(ref _records, _records.Length * 2);
        }

        _records[Count++] = record;
    }

    /// <summary>Makes room for <paramref name="more"/> records beyond <see cref="Count"/>.</summary>
    public void Reserve(int more)
    {
        if (Count + more > _records.Length)
        {
            Array.Resize(ref _records, Math.Max(Count + more, _records.Length * 2));
        }
    }
}
