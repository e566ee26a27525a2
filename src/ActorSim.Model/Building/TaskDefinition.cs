namespace ActorSim.Model.Building;

/// <summary>A kind of task: the arrival stream that creates it and the steps it goes through.</summary>
/// <param name="Name">The task kind's name (used as the process name).</param>
/// <param name="Arrival">The arrival distribution name in the line.</param>
/// <param name="Steps">The steps, in order.</param>
/// <param name="KeyPrefix">The event key prefix; keys are <c>&lt;prefix&gt;&lt;n&gt;</c> with n counted per line.</param>
public sealed record TaskDefinition(string Name, string Arrival, IReadOnlyList<TaskStep> Steps, string KeyPrefix = "task-");
