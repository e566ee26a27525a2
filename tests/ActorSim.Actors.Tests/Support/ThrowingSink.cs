using ActorSim.Model.Records;

namespace ActorSim.Actors.Tests.Support;

/// <summary>A sink that fails on the first record at or after <paramref name="from"/>, as a broken disk would.</summary>
internal sealed class ThrowingSink(double from) : IRecordSink
{
    public void Publish(in SimRecord record)
    {
        if (record.SimTime >= from)
        {
            throw new IOException($"disk full at t={record.SimTime}");
        }
    }
}
