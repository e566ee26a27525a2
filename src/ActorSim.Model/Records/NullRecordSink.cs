namespace ActorSim.Model.Records;

/// <summary>Discards every record.</summary>
public sealed class NullRecordSink : IRecordSink
{
    /// <summary>The shared instance.</summary>
    public static NullRecordSink Instance { get; } = new();

    /// <inheritdoc />
    public void Publish(in SimRecord record)
    {
    }
}
