namespace ActorSim.Engine.Resources;

/// <summary>The release of a unit held by a <see cref="Request"/>; succeeds at once.</summary>
public sealed class Release : Event
{
    internal Release(Resource resource, Request request)
        : base(resource.Simulation)
    {
        Request = request;
        resource.EnqueueGet(this);
    }

    /// <summary>The request whose unit is released.</summary>
    public Request Request { get; }
}
