namespace ActorSim.Model.Building;

/// <summary>One entry of a production schedule: start a task of kind <see cref="Task"/> at <see cref="Time"/>.</summary>
/// <param name="Time">Simulated seconds from the start of the run (finite, zero or more).</param>
/// <param name="Task">The kind of task to start (a task of the line).</param>
/// <param name="Key">The task's event key; null: the task's usual <c>&lt;key_prefix&gt;&lt;n&gt;</c>.</param>
/// <param name="Attributes">The task's attributes (an item it sends carries them); null for none.</param>
public sealed record Release(double Time, string Task, string? Key = null, IReadOnlyDictionary<string, object>? Attributes = null)
{
    /// <summary>Where the release was read (e.g. <c>today.csv:5</c>), named by refusals; null when written in code.</summary>
    public string? Origin { get; init; }
}
