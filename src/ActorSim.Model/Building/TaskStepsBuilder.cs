namespace ActorSim.Model.Building;

/// <summary>Collects the steps of a task in <see cref="LineBuilder.AddTask"/>.</summary>
public sealed class TaskStepsBuilder
{
    private readonly List<TaskStep> _steps = [];

    internal IReadOnlyList<TaskStep> Steps => _steps;

    /// <summary>Adds a step: acquire <paramref name="resource"/>, hold it for a <paramref name="service"/> draw, release.</summary>
    public TaskStepsBuilder Step(string resource, string service, int priority = 1)
    {
        _steps.Add(new TaskStep(resource, service, HandOff: false, priority));
        return this;
    }

    /// <summary>Adds a step acquired while still holding the previous step's resource (released once this one is granted).</summary>
    public TaskStepsBuilder HandOff(string resource, string service, int priority = 1)
    {
        if (_steps.Count == 0)
        {
            throw new InvalidOperationException($"A hand-off to '{resource}' needs a previous step to hand off from.");
        }

        _steps.Add(new TaskStep(resource, service, HandOff: true, priority));
        return this;
    }
}
