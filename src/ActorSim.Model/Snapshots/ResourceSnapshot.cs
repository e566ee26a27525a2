namespace ActorSim.Model.Snapshots;

/// <summary>A resource at a snapshot's instant.</summary>
/// <param name="Name">The resource's name in the line.</param>
/// <param name="CurrentCap">The capacity in force (registry path <c>&lt;line&gt;.resources.&lt;name&gt;.current_cap</c>).</param>
/// <param name="MaxCap">The largest capacity allowed (<c>….max_cap</c>).</param>
/// <param name="InUse">Units held, for reading: it must equal the tasks in service there plus those holding it across a hand-off.</param>
/// <param name="QueueLength">Tasks waiting, for reading: it must equal the tasks queued there.</param>
public sealed record ResourceSnapshot(string Name, int CurrentCap, int MaxCap, int? InUse = null, int? QueueLength = null);
