namespace ActorSim.Model.Records;

/// <summary>Counts records by kind and keeps nothing; for benchmarks.</summary>
public sealed class CountingRecordSink : IRecordSink
{
    /// <summary>Events published.</summary>
    public long Events { get; private set; }

    /// <summary>Telemetry samples published.</summary>
    public long Telemetry { get; private set; }

    /// <inheritdoc />
    public void Publish(in SimRecord record)
    {
        if (record.Kind == RecordKind.Event)
        {
            Events++;
        }
        else
        {
            Telemetry++;
        }
    }
}
