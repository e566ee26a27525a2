using ActorSim.Model.Records;

namespace ActorSim.Cli.History;

/// <summary>Counts records on their way to the real sink, for progress figures.</summary>
internal sealed class CountingForwardSink(IRecordSink inner) : IRecordSink
{
    public long Count { get; private set; }

    public void Publish(in SimRecord record)
    {
        Count++;
        inner.Publish(in record);
    }
}
