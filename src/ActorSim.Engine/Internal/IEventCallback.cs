namespace ActorSim.Engine.Internal;

/// <summary>Something that reacts when an event is processed; implemented by processes, conditions and resources
/// so that waiting costs no delegate allocation.</summary>
internal interface IEventCallback
{
    void OnEventProcessed(Event processed);
}
