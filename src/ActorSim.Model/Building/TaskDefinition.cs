namespace ActorSim.Model.Building;

/// <summary>
/// A kind of task: what creates it (the arrival stream <see cref="Arrival"/>, or items arriving over the link
/// <see cref="FromLink"/>), the steps it goes through, and the links it may send its item over at the end.
/// </summary>
/// <param name="Name">The task kind's name (used as the process name).</param>
/// <param name="Arrival">The arrival distribution name in the line; null for a task started by a link.</param>
/// <param name="Steps">The steps, in order.</param>
/// <param name="KeyPrefix">The event key prefix; keys are <c>&lt;prefix&gt;&lt;n&gt;</c> with n counted per line (tasks from a link keep the item's key).</param>
public sealed record TaskDefinition(string Name, string? Arrival, IReadOnlyList<TaskStep> Steps, string KeyPrefix = "task-")
{
    /// <summary>The link whose arriving items each start one task of this kind; null for a task created by arrivals.</summary>
    public string? FromLink { get; init; }

    /// <summary>The links the task sends its item over once its steps are done (one is drawn by weight); empty for none.</summary>
    public IReadOnlyList<LinkChoice> Sends { get; init; } = [];
}
