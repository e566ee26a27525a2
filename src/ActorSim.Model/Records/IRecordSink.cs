namespace ActorSim.Model.Records;

/// <summary>Where a model publishes its records; called on the engine thread, so it must be cheap.</summary>
public interface IRecordSink
{
    /// <summary>Accepts one record. Once this returns, the sink is responsible for it (written or accounted as dropped).</summary>
    void Publish(in SimRecord record);
}
