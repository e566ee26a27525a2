namespace ActorSim.Engine.Resources;

/// <summary>
/// The cause of the interrupt a preempted process receives: who took the unit, since when the evicted
/// process had held it, and on which resource.
/// </summary>
/// <param name="By">The process whose request preempted, or null when it came from outside a process.</param>
/// <param name="UsageSince">The simulated time the evicted request had been granted.</param>
/// <param name="Resource">The resource on which the preemption happened.</param>
/// <param name="At">The simulated time of the preemption.</param>
public sealed record Preempted(Process? By, double UsageSince, Resource Resource, double At);
