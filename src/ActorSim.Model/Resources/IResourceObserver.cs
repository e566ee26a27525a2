namespace ActorSim.Model.Resources;

/// <summary>
/// Sees every change of a resource's units in use, queue or capacity, just after it happens, for time averages taken
/// while the line runs: set it with <see cref="DynamicResource.Observer"/>. Calls must not allocate.
/// </summary>
public interface IResourceObserver
{
    /// <summary><paramref name="resource"/>'s <see cref="DynamicResource.InUse"/>, <see cref="DynamicResource.QueueLength"/> or <see cref="DynamicResource.Capacity"/> may have changed.</summary>
    void Changed(DynamicResource resource);
}
