namespace ActorSim.Engine.Internal;

/// <summary>Adapts a user delegate to <see cref="IEventCallback"/>.</summary>
internal sealed class ActionCallback(Action<Event> action) : IEventCallback
{
    public Action<Event> Action { get; } = action;

    public void OnEventProcessed(Event processed) => Action(processed);
}
